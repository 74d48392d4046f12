package dev.docannotator.tasks;

import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.postgres.InstanceRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disconnect grace across instances: a client that leaves one instance may re-attach to another (a load balancer
 * chooses), so no instance can judge alone. Each records in {@code task_streams} how many streams of each task it
 * has open, and when the last of them lost its client. Every {@link #SWEEP} one instance at a time (an advisory
 * lock) sweeps the table: the streams of an instance whose heartbeat stopped count as lost at its last heartbeat; a
 * task that no live instance streams and whose last client left more than the grace ago is taken out of the table
 * by that sweep alone and cancelled once, resumable: through a cancel request (NOTIFY, as a user's cancel travels)
 * when an instance runs it, by {@code abandonedUnclaimed} (this instance) when none does.
 */
final class ClusterStreams implements AutoCloseable {

    /** How often each instance looks for abandoned tasks: the grace ends up to this much late. */
    static final Duration SWEEP = Duration.ofSeconds(1);
    /** Held shared while a stream is recorded, exclusively by the sweep: a re-attach is never half-seen. */
    private static final long STREAMS_LOCK = 0x73747265616d73L;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStreams.class);

    private final DataSource pool;
    private final String instanceId;
    private final Duration grace;
    private final Consumer<String> abandonedUnclaimed;
    private final ScheduledExecutorService sweeper;

    /** {@code abandonedUnclaimed} is called with the key of each abandoned task that no instance has claimed. */
    ClusterStreams(DataSource pool, String instanceId, Duration grace, Consumer<String> abandonedUnclaimed) {
        this.pool = pool;
        this.instanceId = instanceId;
        this.grace = grace;
        this.abandonedUnclaimed = abandonedUnclaimed;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-stream-sweep");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of the task opened on this instance: nobody has left it (here) any more. */
    void opened(String taskKey) {
        try (Connection c = pool.getConnection();
             PreparedStatement upsert = c.prepareStatement(
                     "WITH locked AS (SELECT pg_advisory_xact_lock_shared(?))"
                             + " INSERT INTO task_streams (task_key, instance_id, streams, left_at)"
                             + " SELECT ?, ?, 1, NULL FROM locked ON CONFLICT (task_key, instance_id)"
                             + " DO UPDATE SET streams = task_streams.streams + 1, left_at = NULL")) {
            upsert.setLong(1, STREAMS_LOCK);
            upsert.setString(2, taskKey);
            upsert.setString(3, instanceId);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record the stream: " + e.getMessage(), e);
        }
    }

    /** A stream of the task on this instance ended; when it was the last one here and its client went away, since now. */
    void closed(String taskKey, boolean clientGone) {
        try (Connection c = pool.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE task_streams SET streams = GREATEST(streams - 1, 0),"
                             + " left_at = CASE WHEN ? AND streams <= 1 THEN now() ELSE left_at END"
                             + " WHERE task_key = ? AND instance_id = ?")) {
            update.setBoolean(1, clientGone);
            update.setString(2, taskKey);
            update.setString(3, instanceId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record the end of the stream: " + e.getMessage(), e);
        }
    }

    /**
     * One sweep (see the class comment); returns the abandoned tasks it cancelled or handed over, none when another
     * instance was sweeping. Package-private for tests.
     */
    Set<String> sweep() {
        Set<String> abandoned;
        Set<String> claimed;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.commit();
                    return Set.of();
                }
                forgetFinished(c);
                loseStreamsOfDeadInstances(c);
                abandoned = takeAbandoned(c);
                claimed = abandoned.isEmpty() ? Set.of() : ClusterCancels.requestAbandonedIfClaimed(c, abandoned, instanceId);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot sweep the streams: " + e.getMessage(), e);
        }
        for (String key : abandoned) {
            LOG.info("No client follows task {} on any instance any more; cancelling it (resumable)", key);
            if (!claimed.contains(key)) {
                abandonedUnclaimed.accept(key);
            }
        }
        return abandoned;
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
    private void loseStreamsOfDeadInstances(Connection c) throws SQLException {
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
    private Set<String> takeAbandoned(Connection c) throws SQLException {
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

    private void sweepQuietly() {
        try {
            sweep();
        } catch (Throwable e) {
            // A periodic task that throws is never run again: catch everything; the next sweep tries again.
            LOG.debug("Stream sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
