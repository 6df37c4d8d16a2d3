package org.sahaya.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sahaya.core.config.DatabasePools;

/**
 * The system of record: a pooled JDBC data source with the schema migrated on open. H2 in a file
 * by default, PostgreSQL in production; the same migrations run on both.
 *
 * <p>Every method blocks: call it from a virtual thread or a worker, never an event loop.
 *
 * <p>Two lanes: the main pool for everything, and a small pool of its own for storing what a device
 * is waiting to have acknowledged ({@link #alerts()}), so that a flood of routine writes, dispatch
 * work or outbox rows can hold every main connection without an alert receipt waiting behind them.
 * Their sizes are {@link DatabasePools} ({@code SAHAYA_DB_POOL}, {@code SAHAYA_DB_ALERT_POOL}).
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    /** The alert lane; null for the lane itself. */
    private final Database alerts;

    private Database(HikariDataSource dataSource, Database alerts) {
        this.dataSource = dataSource;
        this.alerts = alerts;
    }

    /**
     * Opens the pools at their default sizes ({@link DatabasePools#DEFAULT}) and applies pending migrations.
     *
     * @param jdbcUrl e.g. {@code jdbc:h2:file:./data/sahaya} or {@code jdbc:postgresql://127.0.0.1:5432/test}
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DatabasePools.DEFAULT);
    }

    /** Opens the pools at the given sizes and applies pending migrations. */
    public static Database open(String jdbcUrl, String user, String password, DatabasePools pools) {
        HikariDataSource ds = pool(jdbcUrl, user, password, "sahaya-db", pools.main(), pools.main());
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Database(ds, new Database(pool(jdbcUrl, user, password, "sahaya-db-alerts", pools.alertLane(),
                    Math.min(2, pools.alertLane())), null));
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, String name, int size, int idle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(h2Durable(jdbcUrl));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(idle);
        config.setPoolName(name);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * The same database through the alert lane: connections no other traffic may take. Use it only
     * for work a device waits on to be acknowledged (storing an alert, finding its device); every
     * other use would bring back the starvation it exists to prevent.
     */
    public Database alerts() {
        return alerts == null ? this : alerts;
    }

    /**
     * H2 delays writes by 500 ms by default; an alert acknowledged in that window would be lost on
     * {@code kill -9}. WRITE_DELAY=0 writes each commit to the file before the commit returns.
     */
    static String h2Durable(String url) {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase().contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** How many connections this pool (or lane) holds at most: the transactions it runs at once. */
    public int connections() {
        return dataSource.getMaximumPoolSize();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * <p>The caller always sees the work's own failure, never a failure of the rollback after it; and a
     * connection that could not be rolled back or returned to auto-commit (a lock timeout or a deadlock
     * can leave one so) is evicted from the pool, so that a retry runs on a fresh connection rather than
     * on a broken one.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean reusable = true;
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                reusable = rollback(c);
                throw e;
            } finally {
                if (!reusable || !autoCommitAgain(c)) {
                    dataSource.evictConnection(c);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** @return whether the rollback worked (its own failure is not kept: drivers may quote parameters in it) */
    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean autoCommitAgain(Connection c) {
        try {
            c.setAutoCommit(true);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code work} on one connection in auto-commit mode (reads, single statements). */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    @Override
    public void close() {
        if (alerts != null) {
            alerts.close();
        }
        dataSource.close();
    }
}
