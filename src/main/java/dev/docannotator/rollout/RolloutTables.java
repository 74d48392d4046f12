package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.Database.SqlWork;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the rollout tables live: the embedded SQLite file (one instance) or the shared PostgreSQL database (several).
 * The rollout's SQL is the same on both (same columns, {@code ON CONFLICT DO NOTHING}); only how a connection and a
 * transaction are had differs. On PostgreSQL the compare-and-set {@code UPDATE … WHERE version = ?} is what makes a
 * stale write from any instance a conflict: a concurrent writer waits for the first commit and then matches no row.
 */
public interface RolloutTables {

    <T> T read(SqlWork<T> work);

    <T> T write(SqlWork<T> work);

    <T> T inTransaction(SqlWork<T> work);

    /** The tables in the embedded SQLite database, created by its own migrations. */
    static RolloutTables sqlite(Database database) {
        database.migrate(RolloutMigrations.all());
        return new RolloutTables() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return database.read(work);
            }

            @Override
            public <T> T write(SqlWork<T> work) {
                return database.write(work);
            }

            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                return database.inTransaction(work);
            }
        };
    }

    /** The tables in the shared PostgreSQL database (created by its Flyway migrations, run by the composition root). */
    static RolloutTables postgres(PostgresDatabase database) {
        return pooled(database.dataSource());
    }

    /** The tables behind any pooled PostgreSQL data source. */
    static RolloutTables pooled(DataSource pool) {
        return new RolloutTables() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return write(work);
            }

            @Override
            public <T> T write(SqlWork<T> work) {
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
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    throw new StorageException("Database error: " + e.getMessage(), e);
                }
            }
        };
    }
}
