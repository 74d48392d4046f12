package dev.docannotator.storage.postgres;

import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.SqlWork;
import dev.docannotator.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** {@link SqlAccess} over a pool of PostgreSQL connections: each call borrows one connection and gives it back. */
public final class PooledSqlAccess implements SqlAccess {

    private final DataSource pool;

    public PooledSqlAccess(DataSource pool) {
        this.pool = pool;
    }

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
}
