package dev.docannotator.storage.sqlite;

import dev.docannotator.storage.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The SQLite schema: Flyway migrations under {@code db/sqlite}. A data directory made before Flyway kept its own
 * {@code schema_migrations} table with ids such as "tasks-001-create"; such a database is baselined at the
 * highest version of which it has every predecessor (its later migrations then run; those that may already be
 * there, the rollout tables, are written with IF NOT EXISTS), so its rows are kept.
 */
public final class SqliteMigrations {
    /** Where the SQLite migrations live on the classpath. */
    public static final String LOCATIONS = "classpath:db/sqlite";

    /** The hand-rolled migration ids, in the order of the Flyway versions 1, 2, 3, ... that took them over. */
    static final List<String> LEGACY_IDS = List.of("tasks-001-create", "tasks-002-analyser", "rollout-001-state",
            "rollout-002-history", "rollout-003-observations");

    private SqliteMigrations() {
    }

    /** Brings the database at {@code jdbcUrl} up to date; {@code connection} (to the same file) inspects it first. */
    public static void migrate(String jdbcUrl, Connection connection) {
        try {
            var config = Flyway.configure().dataSource(jdbcUrl, null, null).locations(LOCATIONS);
            Integer legacy = legacyVersion(connection);
            if (legacy != null) {
                config.baselineOnMigrate(true).baselineVersion(String.valueOf(legacy))
                        .baselineDescription("schema_migrations (before Flyway)");
            }
            config.load().migrate();
        } catch (SQLException | FlywayException e) {
            throw new StorageException("Cannot bring the database schema up to date: " + e.getMessage(), e);
        }
    }

    /**
     * For a database made before Flyway (a {@code schema_migrations} table and no Flyway history): the version it
     * already has; null otherwise.
     */
    static Integer legacyVersion(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.contains("schema_migrations") || tables.contains("flyway_schema_history")) {
            return null;
        }
        Set<String> applied = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM schema_migrations")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        int version = 0;
        while (version < LEGACY_IDS.size() && applied.contains(LEGACY_IDS.get(version))) {
            version++;
        }
        return version;
    }
}
