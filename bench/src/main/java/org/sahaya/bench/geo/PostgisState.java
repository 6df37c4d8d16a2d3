package org.sahaya.bench.geo;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;

/**
 * The same fleet in PostGIS on the local PostgreSQL, in a database of its own that is created
 * for the trial and dropped after it: a {@code geometry(Point, 4326)} column with a GiST index,
 * queried by KNN ({@code ORDER BY geom <-> point LIMIT k}) with the filter in the WHERE clause,
 * and fed the position reports as one batched UPDATE transaction per 10 ms tick.
 */
@State(Scope.Benchmark)
public class PostgisState {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String DATABASE = "sahaya_bench_geo";
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    private static final String NEAREST = """
            SELECT id, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)
            FROM units WHERE available AND capability = ?
            ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT ?""";
    private static final String MOVE =
            "UPDATE units SET geom = ST_SetSRID(ST_MakePoint(?, ?), 4326), available = ? WHERE id = ?";

    @Param({"10000", "100000"})
    public int units;

    private Connection queries;
    private Connection writes;
    private PreparedStatement nearest;
    private PreparedStatement move;
    private PacedUpdates updates;
    private BenchFleet.Query[] points;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        recreateDatabase();
        BenchFleet fleet = new BenchFleet(units);
        writes = DriverManager.getConnection(URL, USER, "");
        try (Statement s = writes.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
            s.execute("CREATE TABLE units (id text PRIMARY KEY, geom geometry(Point, 4326) NOT NULL,"
                    + " capability text NOT NULL, available boolean NOT NULL)");
        }
        StringBuilder rows = new StringBuilder(units * 64);
        for (int i = 0; i < fleet.size(); i++) {
            rows.append(fleet.ids[i]).append('\t').append("SRID=4326;POINT(").append(fleet.lon[i]).append(' ')
                    .append(fleet.lat[i]).append(")\t").append(fleet.capability[i]).append('\t')
                    .append(fleet.available[i]).append('\n');
        }
        writes.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY units FROM STDIN", new StringReader(rows.toString()));
        try (Statement s = writes.createStatement()) {
            s.execute("CREATE INDEX units_geom ON units USING gist (geom)");
            s.execute("VACUUM ANALYZE units");
        }
        writes.setAutoCommit(false);
        move = writes.prepareStatement(MOVE);
        queries = DriverManager.getConnection(URL, USER, "");
        nearest = queries.prepareStatement(NEAREST);
        points = BenchFleet.queries(NearestAvailableBenchmark.QUERIES);
        updates = new PacedUpdates(fleet, NearestAvailableBenchmark.UPDATES_PER_SECOND, "postgis", this::apply).start();
    }

    private void apply(List<Move> batch) {
        try {
            for (Move m : batch) {
                move.setDouble(1, m.lon());
                move.setDouble(2, m.lat());
                move.setBoolean(3, m.available());
                move.setString(4, m.id());
                move.addBatch();
            }
            move.executeBatch();
            writes.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("position update failed: " + e.getMessage(), e);
        }
    }

    List<String> nearest() throws SQLException {
        BenchFleet.Query q = points[next++ & (NearestAvailableBenchmark.QUERIES - 1)];
        nearest.setDouble(1, q.lon());
        nearest.setDouble(2, q.lat());
        nearest.setString(3, q.capability());
        nearest.setDouble(4, q.lon());
        nearest.setDouble(5, q.lat());
        nearest.setInt(6, NearestAvailableBenchmark.K);
        List<String> ids = new ArrayList<>(NearestAvailableBenchmark.K);
        try (ResultSet rs = nearest.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        System.out.printf("%npostgis, %d units: %.0f position updates/s applied during the trial%n", units, updates.stop());
        queries.close();
        writes.close();
        dropDatabase();
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }
}
