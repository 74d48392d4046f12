package dev.docannotator.storage;

/**
 * How the SQL stores reach their database: reads that see the last commit, and transactions. SQLite
 * ({@link Database}) and PostgreSQL ({@code postgres.PostgresDatabase}) both offer it; failures come out as
 * {@link StorageException}s.
 */
public interface SqlAccess {
    /** Runs read-only {@code work}; it sees everything committed before it began. */
    <T> T read(SqlWork<T> work);

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(SqlWork<T> work);
}
