package dev.docannotator.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What differs between SQLite and PostgreSQL in the shared SQL: how times are stored, and insertion order. */
public interface SqlDialect {
    void setInstant(PreparedStatement st, int index, Instant instant) throws SQLException;

    Instant getInstant(ResultSet rs, String column) throws SQLException;

    /** The column that orders rows of {@code tasks} by insertion (SQLite's rowid, PostgreSQL's identity column). */
    String insertionOrder();
}
