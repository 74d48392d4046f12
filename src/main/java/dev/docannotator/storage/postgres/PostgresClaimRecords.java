package dev.docannotator.storage.postgres;

import dev.docannotator.storage.ClaimRecords.Reservation;
import dev.docannotator.storage.ClaimRecords;
import dev.docannotator.storage.ClusterChannels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link ClaimRecords} on db-scheduler's {@code scheduled_tasks} table. */
public final class PostgresClaimRecords implements ClaimRecords {
    /** One lock for every admission in the cluster: counting and inserting must not interleave. */
    private static final long ADMISSION_LOCK = 0x616e6e6f74617465L;

    private final PostgresDatabase database;

    public PostgresClaimRecords(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public Reservation reserve(String taskKey, String userId, int perUserLimit, int queueCapacity, Instant dueAt) {
        return database.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADMISSION_LOCK);
                lock.execute();
            }
            int ofUser;
            int waiting;
            int instances;
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FILTER (WHERE starts_with(task_instance, ?)), COUNT(*) FILTER (WHERE NOT picked),"
                            + " (SELECT COUNT(*) FROM instances WHERE heartbeat_at > now() - make_interval(secs => ?))"
                            + " FROM scheduled_tasks WHERE task_name = ?")) {
                count.setString(1, userId + ":");
                count.setDouble(2, InstanceRegistry.ALIVE_WITHIN.toSeconds());
                count.setString(3, ClusterChannels.SCHEDULED_TASK);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    ofUser = rs.getInt(1);
                    waiting = rs.getInt(2);
                    instances = Math.max(1, rs.getInt(3));
                }
            }
            if (ofUser >= perUserLimit) {
                return Reservation.refused(Reservation.Outcome.USER_LIMIT);
            }
            if (waiting >= (long) queueCapacity * instances) {
                return Reservation.refused(Reservation.Outcome.QUEUE_FULL);
            }
            // Inserted on this connection, under the lock: db-scheduler's own schedule() would use another connection.
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)"
                            + " VALUES (?, ?, ?, false, 1, 0) ON CONFLICT DO NOTHING")) {
                insert.setString(1, ClusterChannels.SCHEDULED_TASK);
                insert.setString(2, taskKey);
                insert.setTimestamp(3, Timestamp.from(dueAt));
                if (insert.executeUpdate() == 0) {
                    return Reservation.refused(Reservation.Outcome.SCHEDULED_ALREADY);
                }
            }
            return new Reservation(Reservation.Outcome.RESERVED, waiting + 1);
        });
    }

    @Override
    public void release(String taskKey) {
        database.inTransaction(c -> {
            try (PreparedStatement due = c.prepareStatement(
                    "UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ? AND task_instance = ?"
                            + " AND NOT picked")) {
                due.setString(1, ClusterChannels.SCHEDULED_TASK);
                due.setString(2, taskKey);
                due.executeUpdate();
            }
            Notifications.publish(c, ClusterChannels.QUEUE, "");
            return null;
        });
    }

    @Override
    public void finish(String taskKey, long version) {
        database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "WITH gone AS (DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND version = ?"
                            + " RETURNING task_instance) SELECT pg_notify(?, task_instance) FROM gone")) {
                delete.setString(1, ClusterChannels.SCHEDULED_TASK);
                delete.setString(2, taskKey);
                delete.setLong(3, version);
                delete.setString(4, ClusterChannels.RUN_ENDED);
                return delete.execute();
            }
        });
    }

    @Override
    public boolean removeWaiting(String taskKey) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "WITH gone AS (DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND NOT picked"
                            + " RETURNING task_instance) SELECT pg_notify(?, task_instance) FROM gone")) {
                delete.setString(1, ClusterChannels.SCHEDULED_TASK);
                delete.setString(2, taskKey);
                delete.setString(3, ClusterChannels.RUN_ENDED);
                try (ResultSet rs = delete.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public Optional<String> runningOn(String taskKey) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT picked_by FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked")) {
                query.setString(1, ClusterChannels.SCHEDULED_TASK);
                query.setString(2, taskKey);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public int queueDepth() {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND NOT picked")) {
                query.setString(1, ClusterChannels.SCHEDULED_TASK);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
