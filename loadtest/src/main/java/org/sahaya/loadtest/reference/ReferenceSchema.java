package org.sahaya.loadtest.reference;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * The reference dispatcher's database: a PostgreSQL database of its own with PostGIS, created
 * fresh for each run (and dropped before the next), holding the same ambulances and hospitals as
 * the node. Units have a {@code geometry(Point, 4326)} column with a GiST index, as the PostGIS
 * documentation recommends for KNN ({@code <->}) queries.
 */
final class ReferenceSchema {

    static final String DATABASE = "sahaya_reference";

    private ReferenceSchema() {
    }

    /** Drops and creates {@link #DATABASE} on the server of {@code adminUrl}; returns the new database's JDBC URL. */
    static String recreate(String adminUrl, String user) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + DATABASE;
    }

    static void create(Connection c, CityMap city) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("CREATE TABLE units (id text PRIMARY KEY, level text NOT NULL, geom geometry(Point, 4326) NOT NULL,"
                    + " available boolean NOT NULL, incident_id text)");
            s.execute("CREATE INDEX units_geom ON units USING gist (geom)");
            s.execute("CREATE TABLE hospitals (id text PRIMARY KEY, free_beds jsonb NOT NULL, updated_at timestamptz NOT NULL)");
            s.execute("CREATE TABLE devices (id text PRIMARY KEY, last_seen timestamptz NOT NULL, battery int)");
            s.execute("CREATE TABLE incidents (id text PRIMARY KEY, device_id text NOT NULL, alert_type text NOT NULL,"
                    + " state text NOT NULL, unit_id text, opened_at timestamptz NOT NULL, dispatched_at timestamptz)");
            s.execute("CREATE TABLE alerts (device_id text NOT NULL, alert_id text NOT NULL, alert_type text NOT NULL,"
                    + " received_at timestamptz NOT NULL, incident_id text NOT NULL, PRIMARY KEY (device_id, alert_id))");
        }
        try (PreparedStatement units = c.prepareStatement(
                "INSERT INTO units VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), true, null)");
             PreparedStatement hospitals = c.prepareStatement("INSERT INTO hospitals VALUES (?, ?::jsonb, now())")) {
            for (CityMap.UnitAt u : city.units()) {
                units.setString(1, u.id());
                units.setString(2, u.level() == null ? "BLS" : u.level());
                units.setDouble(3, u.lon());
                units.setDouble(4, u.lat());
                units.addBatch();
            }
            units.executeBatch();
            for (CityMap.HospitalBoard h : city.hospitals()) {
                hospitals.setString(1, h.id());
                hospitals.setString(2, h.freeBeds().encode());
                hospitals.addBatch();
            }
            hospitals.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }
}
