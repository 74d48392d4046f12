package dev.docannotator.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection; may throw SQLException. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
