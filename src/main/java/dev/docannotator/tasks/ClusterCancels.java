package dev.docannotator.tasks;

import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.postgres.Notifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cancel accepted on one instance for a task another instance runs: recorded in {@code task_cancel_requests} and
 * announced with {@code NOTIFY annotator_cancel '<task key>'} in the same transaction. The running instance sets
 * its own cancel flag when woken; since a notification can be lost (listener reconnecting), it also re-reads the
 * table for the tasks it runs after a resync and every second. The row stays until the run has stopped, so an
 * instance that takes the task over after a fail-over sees the cancel before it starts.
 */
public final class ClusterCancels implements AutoCloseable {

    public static final String CHANNEL = "annotator_cancel";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCancels.class);
    /** Marks the payload of a cancel because nobody follows the task any more; task keys have no spaces. */
    private static final String ABANDONED = "abandoned ";

    /** A cancel of the task with {@code taskKey}: asked by its user, or {@code abandoned} by every client (the grace ran out). */
    public record Request(String taskKey, boolean abandoned) {

        /** The NOTIFY payload: the key, after a marker when abandoned. */
        String payload() {
            return abandoned ? ABANDONED + taskKey : taskKey;
        }

        static Request fromPayload(String payload) {
            return payload.startsWith(ABANDONED)
                    ? new Request(payload.substring(ABANDONED.length()), true) : new Request(payload, false);
        }
    }

    private final DataSource pool;
    private final String instanceId;
    private final Supplier<Collection<String>> runningHere;
    private final Consumer<Request> stop;
    private final ScheduledExecutorService sweeper;

    /**
     * {@code runningHere} lists the keys this instance runs; {@code stop} is called (possibly more than once) with
     * the request of each of them that was cancelled elsewhere.
     */
    public ClusterCancels(DataSource pool, Notifications notifications, String instanceId,
                          Supplier<Collection<String>> runningHere, Consumer<Request> stop) {
        this.pool = pool;
        this.instanceId = instanceId;
        this.runningHere = runningHere;
        this.stop = stop;
        notifications.subscribe(CHANNEL, payload -> {
            if (payload.isEmpty()) {
                sweep();
                return;
            }
            Request request = Request.fromPayload(payload);
            if (runningHere.get().contains(request.taskKey())) {
                stop.accept(request);
            }
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-cancel-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Records a cancel of {@code taskKey} by its user and wakes the instance running it (delivered when this commits). */
    public void request(String taskKey) {
        request(new Request(taskKey, false));
    }

    /** Records the cancel and wakes the instance running its task (delivered when this commits). */
    public void request(Request request) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO task_cancel_requests (task_key, requested_at, by_instance, abandoned)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT (task_key) DO NOTHING")) {
                insert.setString(1, request.taskKey());
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, instanceId);
                insert.setBoolean(4, request.abandoned());
                insert.executeUpdate();
                Notifications.publish(c, CHANNEL, request.payload());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot record the cancel: " + e.getMessage(), e);
        }
    }

    /**
     * Records a cancel of {@code taskKey} and wakes the instance running it, only if an instance claimed it; false
     * (nothing recorded) when it waits in the line or is not scheduled at all. One statement, one round trip: this
     * is on the path of a cancel sent to another instance than the one running the task.
     */
    public boolean requestIfClaimed(String taskKey) {
        try (Connection c = pool.getConnection();
             PreparedStatement request = c.prepareStatement(
                     "WITH claimed AS (SELECT task_instance FROM scheduled_tasks"
                             + " WHERE task_name = ? AND task_instance = ? AND picked),"
                             + " recorded AS (INSERT INTO task_cancel_requests (task_key, requested_at, by_instance)"
                             + " SELECT task_instance, now(), ? FROM claimed ON CONFLICT (task_key) DO NOTHING)"
                             + " SELECT pg_notify(?, task_instance) FROM claimed")) {
            request.setString(1, ClusterScheduler.TASK_NAME);
            request.setString(2, taskKey);
            request.setString(3, instanceId);
            request.setString(4, CHANNEL);
            try (ResultSet rs = request.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot record the cancel: " + e.getMessage(), e);
        }
    }

    /** The pending cancel of {@code taskKey}, if any (checked before a run starts, e.g. after a fail-over). */
    public java.util.Optional<Request> requested(String taskKey) {
        return pending(List.of(taskKey)).stream().findFirst();
    }

    /** Forgets the cancel of {@code taskKey}: its run has stopped, or it is resumed. */
    public void clear(String taskKey) {
        try (Connection c = pool.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM task_cancel_requests WHERE task_key = ?")) {
            delete.setString(1, taskKey);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot clear the cancel: " + e.getMessage(), e);
        }
    }

    /**
     * Within the caller's transaction: records an abandoned cancel of each of {@code keys} that an instance claimed
     * and wakes that instance (at commit); returns those keys. The others wait in the line or run nowhere.
     */
    static java.util.Set<String> requestAbandonedIfClaimed(Connection c, Collection<String> keys, String instanceId)
            throws SQLException {
        try (PreparedStatement request = c.prepareStatement(
                "WITH claimed AS (SELECT task_instance FROM scheduled_tasks"
                        + " WHERE task_name = ? AND task_instance = ANY (?) AND picked),"
                        + " recorded AS (INSERT INTO task_cancel_requests (task_key, requested_at, by_instance, abandoned)"
                        + " SELECT task_instance, now(), ?, true FROM claimed ON CONFLICT (task_key) DO NOTHING)"
                        + " SELECT task_instance, pg_notify(?, ? || task_instance) FROM claimed")) {
            request.setString(1, ClusterScheduler.TASK_NAME);
            request.setArray(2, c.createArrayOf("text", keys.toArray()));
            request.setString(3, instanceId);
            request.setString(4, CHANNEL);
            request.setString(5, ABANDONED);
            java.util.Set<String> claimed = new java.util.HashSet<>();
            try (ResultSet rs = request.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
            return claimed;
        }
    }

    private List<Request> pending(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try (Connection c = pool.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT task_key, abandoned FROM task_cancel_requests WHERE task_key = ANY (?)")) {
            query.setArray(1, c.createArrayOf("text", keys.toArray()));
            List<Request> found = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(new Request(rs.getString(1), rs.getBoolean(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StorageException("Cannot read the cancels: " + e.getMessage(), e);
        }
    }

    private void sweep() {
        for (Request request : pending(runningHere.get())) {
            stop.accept(request);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (Throwable e) {
            // A periodic task that throws is never run again: catch everything.
            LOG.debug("Cancel sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
