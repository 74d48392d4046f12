package dev.docannotator.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.SqlWork;
import dev.docannotator.storage.StorageException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The shared PostgreSQL database: a connection pool, plus single connections for the few things that must not be
 * pooled ({@code LISTEN} needs one connection of its own for the life of the process). Schema changes are Flyway
 * migrations under {@code db/postgresql}, applied once by the composition root through {@link #migrate()}.
 */
public final class PostgresDatabase implements SqlAccess, AutoCloseable {

    /** Where the PostgreSQL migrations live on the classpath. */
    public static final String MIGRATIONS = "classpath:db/postgresql";

    private final DatabaseUrl url;
    private final HikariDataSource pool;

    private PostgresDatabase(DatabaseUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Connects (failing fast with a clear message when the server cannot be reached) with a pool of {@code poolSize}. */
    public static PostgresDatabase connect(DatabaseUrl url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("annotator-pg");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new PostgresDatabase(url, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StorageException("Cannot connect to PostgreSQL at " + url + ": " + rootMessage(e), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * Applies the PostgreSQL migrations not applied yet; safe when several instances start at once (Flyway locks).
     * Out of order: the task store's versions (2-49) and the cluster's (50 and up) grow apart, so a database that
     * has the cluster's V53 still takes a task-store V4 added after it.
     */
    public void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** A connection outside the pool, for a listener that holds it for the life of the process. */
    public Connection dedicatedConnection() throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Whether the database answers a trivial query within {@code timeout} (for {@code /ready}). */
    public boolean reachable(Duration timeout) {
        try (Connection c = pool.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code work} on a pooled connection in autocommit mode (the stores' reads). */
    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("Database error: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Database error: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
