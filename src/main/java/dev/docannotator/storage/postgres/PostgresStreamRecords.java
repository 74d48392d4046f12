package dev.docannotator.storage.postgres;

import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.StreamRecords;
import dev.docannotator.storage.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link StreamRecords} in {@code task_streams}: per task and instance, how many streams are open there and when the
 * last of them lost its client. Recording a stream holds an advisory lock shared, a sweep holds it exclusively: a
 * re-attach is never half-seen by a sweep.
 */
public final class PostgresStreamRecords implements StreamRecords {
    private static final long STREAMS_LOCK = 0x73747265616d73L;

    private final PostgresDatabase database;

    public PostgresStreamRecords(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public void opened(String taskKey, String instanceId) {
        database.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "WITH locked AS (SELECT pg_advisory_xact_lock_shared(?))"
                            + " INSERT INTO task_streams (task_key, instance_id, streams, left_at)"
                            + " SELECT ?, ?, 1, NULL FROM locked ON CONFLICT (task_key, instance_id)"
                            + " DO UPDATE SET streams = task_streams.streams + 1, left_at = NULL")) {
                upsert.setLong(1, STREAMS_LOCK);
                upsert.setString(2, taskKey);
                upsert.setString(3, instanceId);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public void closed(String taskKey, String instanceId, boolean clientGone) {
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE task_streams SET streams = GREATEST(streams - 1, 0),"
                            + " left_at = CASE WHEN ? AND streams <= 1 THEN now() ELSE left_at END"
                            + " WHERE task_key = ? AND instance_id = ?")) {
                update.setBoolean(1, clientGone);
                update.setString(2, taskKey);
                update.setString(3, instanceId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Sweep sweep(String instanceId, Duration grace) {
        return database.inTransaction(c -> {
            if (!tryLock(c)) {
                return new Sweep(Set.of(), Set.of());
            }
            forgetFinished(c);
            loseStreamsOfDeadInstances(c, instanceId);
            Set<String> abandoned = takeAbandoned(c, grace);
            Set<String> claimed = abandoned.isEmpty() ? Set.of() : requestAbandonedIfClaimed(c, abandoned, instanceId);
            return new Sweep(abandoned, claimed);
        });
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, STREAMS_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Streams of finished (or removed) tasks: nothing to cancel. */
    private static void forgetFinished(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM task_streams s WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.task_id = s.task_key"
                        + " AND t.status IN (?, ?))")) {
            delete.setString(1, TaskStatus.QUEUED.id());
            delete.setString(2, TaskStatus.RUNNING.id());
            delete.executeUpdate();
        }
    }

    /** An instance that stopped beating lost its clients at its last heartbeat (now, when its row is gone). */
    private static void loseStreamsOfDeadInstances(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE task_streams s SET streams = 0, left_at = COALESCE("
                        + " (SELECT i.heartbeat_at FROM instances i WHERE i.instance_id = s.instance_id), now())"
                        + " WHERE s.streams > 0 AND s.instance_id <> ? AND NOT EXISTS (SELECT 1 FROM instances i"
                        + " WHERE i.instance_id = s.instance_id AND i.heartbeat_at > now() - make_interval(secs => ?))")) {
            update.setString(1, instanceId);
            update.setDouble(2, InstanceRegistry.ALIVE_WITHIN.toSeconds());
            update.executeUpdate();
        }
    }

    /** Removes and returns the tasks that no instance streams and whose last client left longer than the grace ago. */
    private static Set<String> takeAbandoned(Connection c, Duration grace) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM task_streams WHERE task_key IN (SELECT task_key FROM task_streams GROUP BY task_key"
                        + " HAVING MAX(streams) = 0 AND MAX(left_at) <= now() - make_interval(secs => ?))"
                        + " RETURNING task_key")) {
            delete.setDouble(1, grace.toMillis() / 1000.0);
            Set<String> keys = new HashSet<>();
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    /** Records an abandoned cancel of each of {@code keys} that an instance claimed, waking it at commit; returns those. */
    private static Set<String> requestAbandonedIfClaimed(Connection c, Set<String> keys, String instanceId)
            throws SQLException {
        Set<String> claimed = new HashSet<>();
        try (PreparedStatement request = c.prepareStatement(
                "WITH claimed AS (SELECT task_instance FROM scheduled_tasks"
                        + " WHERE task_name = ? AND task_instance = ANY (?) AND picked)"
                        + ", recorded AS (INSERT INTO task_cancel_requests (task_key, requested_at, by_instance, abandoned)"
                        + " SELECT task_instance, now(), ?, true FROM claimed ON CONFLICT (task_key) DO NOTHING)"
                        + " SELECT task_instance FROM claimed")) {
            request.setString(1, ClusterChannels.SCHEDULED_TASK);
            request.setArray(2, c.createArrayOf("text", keys.toArray()));
            request.setString(3, instanceId);
            try (ResultSet rs = request.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        for (String key : claimed) {
            Notifications.publish(c, ClusterChannels.CANCEL, new CancelRequest(key, true).payload());
        }
        return claimed;
    }
}
