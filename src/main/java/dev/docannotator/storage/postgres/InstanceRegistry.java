package dev.docannotator.storage.postgres;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances sharing the database: each one upserts its row (id, host, start, heartbeat, running tasks) every
 * {@link #HEARTBEAT}; one whose heartbeat is older than {@link #ALIVE_WITHIN} is listed as not alive. Rows of
 * instances gone for a day are removed by whoever beats next. For operators; claiming and fail-over rely on
 * db-scheduler's own heartbeats, not on this table.
 */
public final class InstanceRegistry implements AutoCloseable {

    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    public static final Duration ALIVE_WITHIN = HEARTBEAT.multipliedBy(3);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceRegistry.class);

    /** One instance as the admin API shows it. */
    public record InstanceView(String id, String host, Instant startedAt, Instant heartbeatAt, int runningTasks,
                               boolean alive) {
    }

    private final DataSource pool;
    private final String id;
    private final String host;
    private final Instant started;
    private final IntSupplier runningTasks;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public InstanceRegistry(DataSource pool, String id, String host, IntSupplier runningTasks, Clock clock) {
        this.pool = pool;
        this.id = id;
        this.host = host;
        this.runningTasks = runningTasks;
        this.clock = clock;
        this.started = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "instance-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** A new instance id: the host name and a short random part, readable in the console and in db-scheduler's picked_by. */
    public static String newId(String host) {
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This machine's name, or "localhost" when it cannot be had. */
    public static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    public String id() {
        return id;
    }

    /** Writes the first heartbeat now and then every {@link #HEARTBEAT}; returns this. */
    public InstanceRegistry start() {
        beat();
        timer.scheduleWithFixedDelay(this::beatQuietly, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Upserts this instance's row with the time and its running tasks. */
    public void beat() {
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO instances (instance_id, host, started_at, heartbeat_at, running_tasks) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at,"
                            + " running_tasks = EXCLUDED.running_tasks")) {
                upsert.setString(1, id);
                upsert.setString(2, host);
                upsert.setTimestamp(3, Timestamp.from(started));
                upsert.setTimestamp(4, Timestamp.from(now));
                upsert.setInt(5, runningTasks.getAsInt());
                upsert.executeUpdate();
            }
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM instances WHERE heartbeat_at < ?")) {
                forget.setTimestamp(1, Timestamp.from(now.minus(FORGET_AFTER)));
                forget.executeUpdate();
            }
        } catch (SQLException e) {
            throw new dev.docannotator.storage.StorageException("Cannot record the instance heartbeat: " + e.getMessage(), e);
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (Throwable e) {
            // A periodic task that throws is never run again: catch everything; the next beat tries again.
            LOG.warn("Instance heartbeat failed: {}", e.getMessage());
        }
    }

    /** Every instance known to the database, oldest first, with whether its heartbeat is recent. */
    public List<InstanceView> list() {
        Instant now = clock.instant();
        try (Connection c = pool.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT instance_id, host, started_at, heartbeat_at, running_tasks FROM instances"
                             + " ORDER BY started_at, instance_id");
             ResultSet rs = query.executeQuery()) {
            List<InstanceView> out = new ArrayList<>();
            while (rs.next()) {
                Instant beat = rs.getTimestamp(4).toInstant();
                out.add(new InstanceView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), beat,
                        rs.getInt(5), !beat.isBefore(now.minus(ALIVE_WITHIN))));
            }
            return out;
        } catch (SQLException e) {
            throw new dev.docannotator.storage.StorageException("Cannot list the instances: " + e.getMessage(), e);
        }
    }

    /** Stops beating and removes this instance's row (a graceful stop: it is gone, not dead). */
    @Override
    public void close() {
        timer.shutdownNow();
        try (Connection c = pool.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM instances WHERE instance_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not remove this instance's row: {}", e.getMessage());
        }
    }
}
