package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.SqlAccess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollout state and history, in SQLite or in the shared PostgreSQL database ({@link SqlAccess}). Every change is a compare-and-swap on the version
 * ({@code UPDATE … WHERE version = ?}) together with its history line, in one transaction, so two operators
 * or two instances can never overwrite each other's change unseen.
 */
public final class RolloutStore {

    /** The id of the newest observation: a new stage's window starts after it. */
    private static final String LAST_OBSERVATION = "(SELECT COALESCE(MAX(id), 0) FROM rollout_observations)";

    private final SqlAccess database;

    public RolloutStore(Database database) {
        this((SqlAccess) database);
    }

    /** On any SQL store: the embedded SQLite file or the shared PostgreSQL database (same tables, same SQL). */
    public RolloutStore(SqlAccess tables) {
        this.database = tables;
    }

    /** Creates the feature's row with {@code initial} (version 1) and records {@code entry}, unless the row exists. */
    public void initialise(RolloutState initial, HistoryEntry entry) {
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO rollout_state (feature, stage, percentage, frozen, since, version, observations_after)"
                            + " VALUES (?, ?, ?, ?, ?, 1, " + LAST_OBSERVATION + ") ON CONFLICT (feature) DO NOTHING")) {
                insert.setString(1, initial.feature());
                insert.setInt(2, initial.stage());
                insert.setInt(3, initial.percentage());
                insert.setInt(4, initial.frozen() ? 1 : 0);
                insert.setString(5, initial.since().toString());
                if (insert.executeUpdate() == 1) {
                    appendHistory(c, initial.feature(), entry);
                }
            }
            return null;
        });
    }

    /** The current state of {@code feature}. */
    public RolloutState load(String feature) {
        return database.read(c -> {
            RolloutState state = select(c, feature);
            if (state == null) {
                throw new IllegalStateException("The rollout of " + feature + " has not been initialised.");
            }
            return state;
        });
    }

    /**
     * Writes {@code next} if the stored version is still {@code expectedVersion}, with its history line; with
     * {@code newWindow} the gates' observation window restarts. Returns the stored state (version + 1);
     * throws {@link RolloutConflictException} and changes nothing otherwise.
     */
    public RolloutState compareAndSet(long expectedVersion, RolloutState next, boolean newWindow, HistoryEntry entry) {
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE rollout_state SET stage = ?, percentage = ?, frozen = ?, since = ?, version = version + 1,"
                            + " observations_after = " + (newWindow ? LAST_OBSERVATION : "observations_after")
                            + " WHERE feature = ? AND version = ?")) {
                update.setInt(1, next.stage());
                update.setInt(2, next.percentage());
                update.setInt(3, next.frozen() ? 1 : 0);
                update.setString(4, next.since().toString());
                update.setString(5, next.feature());
                update.setLong(6, expectedVersion);
                if (update.executeUpdate() != 1) {
                    RolloutState current = select(c, next.feature());
                    throw new RolloutConflictException("The rollout changed meanwhile: your version is " + expectedVersion
                            + " but the current version is " + (current == null ? "unknown" : current.version())
                            + "; reload and try again.");
                }
            }
            appendHistory(c, next.feature(), entry);
            return select(c, next.feature());
        });
    }

    /** The newest {@code limit} history lines of {@code feature}, newest first. */
    public List<HistoryEntry> history(String feature, int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT at, actor, action, from_stage, to_stage, from_percentage, to_percentage, reason, metrics"
                            + " FROM rollout_history WHERE feature = ? ORDER BY id DESC LIMIT ?")) {
                query.setString(1, feature);
                query.setInt(2, limit);
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9)));
                    }
                }
                return entries;
            }
        });
    }

    private static RolloutState select(Connection c, String feature) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT stage, percentage, frozen, since, version, observations_after FROM rollout_state WHERE feature = ?")) {
            query.setString(1, feature);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new RolloutState(feature, rs.getInt(1), rs.getInt(2), rs.getInt(3) != 0,
                        Instant.parse(rs.getString(4)), rs.getLong(5), rs.getLong(6));
            }
        }
    }

    private static void appendHistory(Connection c, String feature, HistoryEntry entry) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO rollout_history (feature, at, actor, action, from_stage, to_stage, from_percentage,"
                        + " to_percentage, reason, metrics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, feature);
            insert.setString(2, entry.at().toString());
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setInt(5, entry.from());
            insert.setInt(6, entry.to());
            insert.setInt(7, entry.fromPercentage());
            insert.setInt(8, entry.toPercentage());
            insert.setString(9, entry.reason());
            insert.setString(10, entry.metrics());
            insert.executeUpdate();
        }
    }
}
