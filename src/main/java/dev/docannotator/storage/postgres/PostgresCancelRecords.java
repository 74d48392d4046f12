package dev.docannotator.storage.postgres;

import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.EventsNotice;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CancelRecords} on the shared PostgreSQL database. */
public final class PostgresCancelRecords implements CancelRecords {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCancelRecords.class);
    /** The tables on the path of a cross-instance cancel, opened by every pooled connection at start. */
    private static final List<String> WARM_UP_TABLES = List.of(
            "SELECT 1 FROM tasks WHERE task_id = ?",
            "SELECT 1 FROM task_events WHERE task_id = ? AND seq > 0",
            "SELECT 1 FROM checkpoints WHERE task_id = ?",
            "SELECT 1 FROM scheduled_tasks WHERE task_name = 'annotate' AND task_instance = ?",
            "SELECT 1 FROM task_cancel_requests WHERE task_key = ?",
            "SELECT 1 FROM task_streams WHERE task_key = ?");

    private final PostgresDatabase database;

    public PostgresCancelRecords(PostgresDatabase database) {
        this.database = database;
    }

    /**
     * Three round trips: the locking read, one statement for every write and both wake-ups, the commit (it was seven
     * statements). The {@code cancelled} event rides in the events wake-up, so the instances streaming the task show
     * it without reading it back.
     */
    @Override
    public boolean cancelClaimed(CancelRequest request, String byInstance, Function<Target, Optional<String>> decide) {
        String taskKey = request.taskKey();
        return database.inTransaction(c -> {
            Optional<Target> target = lockClaimed(c, taskKey);
            if (target.isEmpty()) {
                return false;
            }
            Optional<String> cancelled = decide.apply(target.get());
            if (cancelled.isPresent()) {
                endLogAndRecord(c, request, cancelled.get(), byInstance);
            } else {
                record(c, request, byInstance); // stops the worker at its next step
                Notifications.publish(c, ClusterChannels.EVENTS, taskKey);
            }
            return true;
        });
    }

    /**
     * In one statement: appends {@code cancelled} after the task's last stored event, marks the task cancelled,
     * records the cancel for the running instance, and wakes it (stop the worker) and the streams (the event itself).
     */
    private static void endLogAndRecord(Connection c, CancelRequest request, String data, String byInstance)
            throws SQLException {
        String taskKey = request.taskKey();
        String before = EventsNotice.beforeSeq(taskKey);
        String after = EventsNotice.afterSeq(TaskEvent.CANCELLED, data);
        // PostgreSQL refuses a payload of 8000 bytes or more: a longer event is announced by its key alone.
        boolean carried = (before + after).getBytes(StandardCharsets.UTF_8).length + 20 <= Notifications.MAX_PAYLOAD_BYTES;
        try (PreparedStatement st = c.prepareStatement(
                "WITH appended AS (INSERT INTO task_events (task_id, seq, type, data)"
                        + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM task_events WHERE task_id = ? RETURNING seq),"
                        + " marked AS (UPDATE tasks SET status = ?, updated_at = now() WHERE task_id = ?),"
                        + " recorded AS (INSERT INTO task_cancel_requests (task_key, requested_at, by_instance, abandoned)"
                        + " VALUES (?, now(), ?, ?) ON CONFLICT (task_key) DO NOTHING)"
                        // The streams' wake-up first: the running instance ends its log by it before it stops.
                        + " SELECT pg_notify(?, " + (carried ? "? || seq || ?" : "?") + "), pg_notify(?, ?) FROM appended")) {
            int i = 1;
            st.setString(i++, taskKey);
            st.setString(i++, TaskEvent.CANCELLED);
            st.setString(i++, data);
            st.setString(i++, taskKey);
            st.setString(i++, TaskStatus.CANCELLED.id());
            st.setString(i++, taskKey);
            st.setString(i++, taskKey);
            st.setString(i++, byInstance);
            st.setBoolean(i++, request.abandoned());
            st.setString(i++, ClusterChannels.EVENTS);
            if (carried) {
                st.setString(i++, before);
                st.setString(i++, after);
            } else {
                st.setString(i++, taskKey);
            }
            st.setString(i++, ClusterChannels.CANCEL);
            st.setString(i, request.payload());
            st.executeQuery().close();
        }
    }

    @Override
    public void request(CancelRequest request, String byInstance) {
        database.inTransaction(c -> {
            record(c, request, byInstance);
            return null;
        });
    }

    private static void record(Connection c, CancelRequest request, String byInstance) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_cancel_requests (task_key, requested_at, by_instance, abandoned)"
                        + " VALUES (?, now(), ?, ?) ON CONFLICT (task_key) DO NOTHING")) {
            insert.setString(1, request.taskKey());
            insert.setString(2, byInstance);
            insert.setBoolean(3, request.abandoned());
            insert.executeUpdate();
        }
        Notifications.publish(c, ClusterChannels.CANCEL, request.payload());
    }

    @Override
    public List<CancelRequest> pending(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT task_key, abandoned FROM task_cancel_requests WHERE task_key = ANY (?)")) {
                query.setArray(1, c.createArrayOf("text", keys.toArray()));
                List<CancelRequest> found = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.add(new CancelRequest(rs.getString(1), rs.getBoolean(2)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void clear(String taskKey) {
        database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM task_cancel_requests WHERE task_key = ?")) {
                delete.setString(1, taskKey);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void warmUp(int connections, String taskKey) {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = database.dataSource().getConnection();
                held.add(c);
                for (String sql : WARM_UP_TABLES) {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        st.setString(1, taskKey);
                        st.executeQuery().close();
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Warming up the database connections stopped: {}", e.getMessage());
        } finally {
            for (Connection c : held) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // back to the pool or dropped by it: nothing to do either way
                }
            }
        }
    }

    /**
     * The task's stored state, its row locked (the same lock a group commit takes before it writes the task), when
     * an instance has claimed it.
     */
    private static Optional<Target> lockClaimed(Connection c, String taskKey) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT t.status, t.pausable, t.stage, t.progress, t.locale FROM tasks t WHERE t.task_id = ?"
                        + " AND EXISTS (SELECT 1 FROM scheduled_tasks s WHERE s.task_name = ? AND s.task_instance = ?"
                        + " AND s.picked) FOR UPDATE OF t")) {
            st.setString(1, taskKey);
            st.setString(2, ClusterChannels.SCHEDULED_TASK);
            st.setString(3, taskKey);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Target(taskKey.substring(taskKey.lastIndexOf(':') + 1),
                        TaskStatus.fromId(rs.getString("status")), rs.getBoolean("pausable"),
                        Stage.fromId(rs.getString("stage")), rs.getInt("progress"), rs.getString("locale")));
            }
        }
    }
}
