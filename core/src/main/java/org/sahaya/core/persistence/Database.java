package org.sahaya.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The system of record: a pooled JDBC data source with the schema migrated on open. H2 in a file
 * by default, PostgreSQL in production; the same migrations run on both.
 *
 * <p>Every method blocks: call it from a virtual thread or a worker, never an event loop.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and applies pending migrations.
     *
     * @param jdbcUrl e.g. {@code jdbc:h2:file:./data/sahaya} or {@code jdbc:postgresql://127.0.0.1:5432/test}
     */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(h2Durable(jdbcUrl));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        config.setPoolName("sahaya-db");
        config.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
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

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
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
        dataSource.close();
    }
}
