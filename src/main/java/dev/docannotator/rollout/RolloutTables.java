package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.SqlWork;
import dev.docannotator.storage.postgres.PostgresDatabase;

/**
 * Where the rollout tables live: the embedded SQLite file (one instance) or the shared PostgreSQL database (several).
 * The rollout's SQL is the same on both (same columns, {@code ON CONFLICT DO NOTHING}); the tables are created by each
 * database's migrations, run by the composition root. On PostgreSQL the compare-and-set
 * {@code UPDATE … WHERE version = ?} is what makes a stale write from any instance a conflict: a concurrent writer
 * waits for the first commit and then matches no row.
 */
public interface RolloutTables {

    <T> T read(SqlWork<T> work);

    <T> T write(SqlWork<T> work);

    <T> T inTransaction(SqlWork<T> work);

    /** The tables in the embedded SQLite database. */
    static RolloutTables sqlite(Database database) {
        return over(database);
    }

    /** The tables in the shared PostgreSQL database. */
    static RolloutTables postgres(PostgresDatabase database) {
        return over(database);
    }

    /** The tables behind either database's reads and transactions (a single write is a transaction of its own). */
    static RolloutTables over(SqlAccess access) {
        return new RolloutTables() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return access.read(work);
            }

            @Override
            public <T> T write(SqlWork<T> work) {
                return access.inTransaction(work);
            }

            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                return access.inTransaction(work);
            }
        };
    }
}
