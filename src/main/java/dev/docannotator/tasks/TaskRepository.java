package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** SQL for documents, tasks, checkpoints, annotations and event logs. */
public final class TaskRepository {
    private static final String TASK_COLUMNS = "task_id, user_id, document_id, filename, format, requirement, locale, "
            + "pausable, status, stage, progress, message, error_code, error_message, annotation_count, created_at, updated_at";

    /** Appended to an {@code INSERT ... SELECT}: writes the row only while its task exists (last parameter). */
    private static final String IF_TASK_EXISTS = "WHERE EXISTS (SELECT 1 FROM tasks WHERE task_id = ?)";

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** One event of the task stored under {@code taskId} (its key, see {@link TaskKeys}), as the persister queues it. */
    public record PendingEvent(String taskId, TaskEvent event) {
    }

    private final Database db;

    public TaskRepository(Database db) {
        this.db = db;
        db.migrate(TaskMigrations.all());
    }

    public void insertDocument(DocumentRecord doc) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO documents (document_id, user_id, filename, format, "
                    + "size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, doc.documentId());
                st.setString(2, doc.userId());
                st.setString(3, doc.filename());
                st.setString(4, doc.format().id());
                st.setLong(5, doc.sizeBytes());
                st.setString(6, ts(doc.createdAt()));
                return st.executeUpdate();
            }
        });
    }

    public Optional<DocumentRecord> findDocument(String documentId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT document_id, user_id, filename, format, size_bytes, "
                    + "created_at FROM documents WHERE document_id = ?")) {
                st.setString(1, documentId);
                ResultSet rs = st.executeQuery();
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DocumentRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        DocumentFormat.fromId(rs.getString(4)), rs.getLong(5), Instant.parse(rs.getString(6))));
            }
        });
    }

    public boolean taskExists(String taskId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tasks WHERE task_id = ?")) {
                st.setString(1, taskId);
                return st.executeQuery().next();
            }
        });
    }

    /** Whether any task (in whatever status) refers to the document. */
    public boolean documentInUse(String documentId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tasks WHERE document_id = ? LIMIT 1")) {
                st.setString(1, documentId);
                return st.executeQuery().next();
            }
        });
    }

    /** Stores a new task under {@code key} (its id scoped to its identity, see {@link TaskKeys}). */
    public void insertTask(String key, TaskView task) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tasks (" + TASK_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindTask(st, task);
                st.setString(1, key);
                return st.executeUpdate();
            }
        });
    }

    public Optional<TaskView> findTask(String taskId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM tasks WHERE task_id = ?")) {
                st.setString(1, taskId);
                ResultSet rs = st.executeQuery();
                return rs.next() ? Optional.of(taskFrom(rs)) : Optional.empty();
            }
        });
    }

    /** The user's tasks, newest first. */
    public List<TaskView> listTasks(String userId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + TASK_COLUMNS
                    + " FROM tasks WHERE user_id = ? ORDER BY created_at DESC, rowid DESC")) {
                st.setString(1, userId);
                ResultSet rs = st.executeQuery();
                List<TaskView> tasks = new ArrayList<>();
                while (rs.next()) {
                    tasks.add(taskFrom(rs));
                }
                return tasks;
            }
        });
    }

    /** Count of tasks per (status, pausable), for the metrics. */
    public Map<String, Integer> countByStatusAndPausable() {
        return db.read(c -> {
            Map<String, Integer> counts = new java.util.HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT status, pausable, count(*) FROM tasks GROUP BY status, pausable")) {
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    counts.put(rs.getString(1) + "|" + (rs.getInt(2) != 0), rs.getInt(3));
                }
            }
            return counts;
        });
    }

    /**
     * After a restart: tasks that were queued or running come back interrupted. In the same transaction each of
     * their logs that does not already end with a terminal event gets a {@code shutdown} event (its
     * {@code message} from {@code shutdownMessage} applied to the task's locale tag, resumable), so that a
     * replay of it ends like the stream of a gracefully stopped task. Returns how many tasks were marked.
     */
    public int markUnfinishedInterrupted(Instant now, Function<String, String> shutdownMessage) {
        return db.inTransaction(c -> {
            Map<String, String> localeByTask = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT task_id, locale FROM tasks WHERE status IN ('queued', 'running')")) {
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    localeByTask.put(rs.getString(1), rs.getString(2));
                }
            }
            try (PreparedStatement last = c.prepareStatement(
                    "SELECT seq, type FROM task_events WHERE task_id = ? ORDER BY seq DESC LIMIT 1");
                 PreparedStatement append = c.prepareStatement(
                         "INSERT INTO task_events (task_id, seq, type, data) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> task : localeByTask.entrySet()) {
                    String taskId = task.getKey();
                    last.setString(1, taskId);
                    long lastSeq = 0;
                    try (ResultSet rs = last.executeQuery()) {
                        if (rs.next()) {
                            lastSeq = rs.getLong(1);
                            if (TaskEvent.isTerminal(rs.getString(2))) {
                                continue;
                            }
                        }
                    }
                    // The same event a graceful stop appends.
                    append.setString(1, taskId);
                    append.setLong(2, lastSeq + 1);
                    append.setString(3, TaskEvent.SHUTDOWN);
                    append.setString(4, TaskEvent.dataLine(TaskEvent.SHUTDOWN, TaskKeys.publicId(taskId),
                            TaskEvent.shutdownFields(shutdownMessage.apply(task.getValue()))));
                    append.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE tasks SET status = 'interrupted', updated_at = ? WHERE status IN ('queued', 'running')")) {
                st.setString(1, ts(now));
                return st.executeUpdate();
            }
        });
    }

    public Optional<Checkpoint> loadCheckpoint(String taskId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT json FROM checkpoints WHERE task_id = ?")) {
                st.setString(1, taskId);
                ResultSet rs = st.executeQuery();
                return rs.next() ? Optional.of(Json.read(rs.getString(1), Checkpoint.class)) : Optional.empty();
            }
        });
    }

    public List<TaskEvent> loadEvents(String taskId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT seq, type, data FROM task_events WHERE task_id = ? ORDER BY seq")) {
                st.setString(1, taskId);
                ResultSet rs = st.executeQuery();
                List<TaskEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new TaskEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
                return events;
            }
        });
    }

    /**
     * Writes one batch of queued changes in one transaction (events, task rows, checkpoints, final annotations).
     * Changes of a task whose row no longer exists (removed by retention) are dropped, so that they can never
     * make the whole batch fail.
     */
    public void writeBatch(List<PendingEvent> events, Map<String, TaskView> tasks, Map<String, Checkpoint> checkpoints,
                           Map<String, List<Annotation>> annotations) {
        // JSON is written before the transaction: the write connection is held only for the SQL.
        Map<String, String> checkpointJson = new LinkedHashMap<>();
        checkpoints.forEach((taskId, checkpoint) -> checkpointJson.put(taskId, Json.write(checkpoint)));
        Map<String, List<String>> annotationJson = new LinkedHashMap<>();
        annotations.forEach((taskId, all) -> annotationJson.put(taskId, all.stream().map(Json::write).toList()));
        String now = ts(Instant.now());
        db.inTransaction(c -> {
            upsertTasks(c, tasks);
            if (!events.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT OR REPLACE INTO task_events (task_id, seq, type, data) SELECT ?, ?, ?, ? " + IF_TASK_EXISTS)) {
                    for (PendingEvent pending : events) {
                        st.setString(1, pending.taskId());
                        st.setLong(2, pending.event().seq());
                        st.setString(3, pending.event().type());
                        st.setString(4, pending.event().data());
                        st.setString(5, pending.taskId());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            for (Map.Entry<String, String> entry : checkpointJson.entrySet()) {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT OR REPLACE INTO checkpoints (task_id, json, updated_at) SELECT ?, ?, ? " + IF_TASK_EXISTS)) {
                    st.setString(1, entry.getKey());
                    st.setString(2, entry.getValue());
                    st.setString(3, now);
                    st.setString(4, entry.getKey());
                    st.executeUpdate();
                }
            }
            for (Map.Entry<String, List<String>> entry : annotationJson.entrySet()) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM annotations WHERE task_id = ?")) {
                    del.setString(1, entry.getKey());
                    del.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO annotations (task_id, idx, json) SELECT ?, ?, ? " + IF_TASK_EXISTS)) {
                    int idx = 0;
                    for (String annotation : entry.getValue()) {
                        st.setString(1, entry.getKey());
                        st.setInt(2, idx++);
                        st.setString(3, annotation);
                        st.setString(4, entry.getKey());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            return null;
        });
    }

    /** Ids of finished tasks and of documents last touched before {@code cutoff}, for retention. */
    public record Expired(List<String> taskIds, List<String> documentIds) {
    }

    public Expired expiredBefore(Instant cutoff) {
        return db.read(c -> {
            List<String> tasks = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT task_id FROM tasks WHERE updated_at < ? "
                    + "AND status NOT IN ('queued', 'running')")) {
                st.setString(1, ts(cutoff));
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    tasks.add(rs.getString(1));
                }
            }
            List<String> documents = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT document_id FROM documents d WHERE created_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = d.document_id AND "
                    + "(t.updated_at >= ? OR t.status IN ('queued', 'running')))")) {
                st.setString(1, ts(cutoff));
                st.setString(2, ts(cutoff));
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    documents.add(rs.getString(1));
                }
            }
            return new Expired(tasks, documents);
        });
    }

    public void deleteTasks(List<String> taskIds) {
        deleteIds("DELETE FROM tasks WHERE task_id = ?", taskIds);
    }

    public void deleteDocuments(List<String> documentIds) {
        deleteIds("DELETE FROM documents WHERE document_id = ?", documentIds);
    }

    private void deleteIds(String sql, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (String id : ids) {
                    st.setString(1, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Task rows by their key. */
    private static void upsertTasks(Connection c, Map<String, TaskView> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE tasks SET status = ?, stage = ?, progress = ?, "
                + "message = ?, error_code = ?, error_message = ?, annotation_count = ?, updated_at = ? WHERE task_id = ?")) {
            for (Map.Entry<String, TaskView> entry : tasks.entrySet()) {
                TaskView t = entry.getValue();
                st.setString(1, t.status().id());
                st.setString(2, t.stage().id());
                st.setInt(3, t.progress());
                setNullable(st, 4, t.message());
                setNullable(st, 5, t.errorCode());
                setNullable(st, 6, t.errorMessage());
                st.setInt(7, t.annotationCount());
                st.setString(8, ts(t.updatedAt()));
                st.setString(9, entry.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void bindTask(PreparedStatement st, TaskView t) throws SQLException {
        st.setString(1, t.taskId());
        st.setString(2, t.userId());
        st.setString(3, t.documentId());
        st.setString(4, t.filename());
        st.setString(5, t.format().id());
        st.setString(6, t.requirement());
        st.setString(7, t.locale());
        st.setInt(8, t.pausable() ? 1 : 0);
        st.setString(9, t.status().id());
        st.setString(10, t.stage().id());
        st.setInt(11, t.progress());
        setNullable(st, 12, t.message());
        setNullable(st, 13, t.errorCode());
        setNullable(st, 14, t.errorMessage());
        st.setInt(15, t.annotationCount());
        st.setString(16, ts(t.createdAt()));
        st.setString(17, ts(t.updatedAt()));
    }

    /** Fixed-width UTC millisecond timestamps, so that text order is time order. */
    static String ts(Instant instant) {
        return STAMP.format(instant);
    }

    private static void setNullable(PreparedStatement st, int index, String value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value);
        }
    }

    private static TaskView taskFrom(ResultSet rs) throws SQLException {
        return new TaskView(TaskKeys.publicId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                DocumentFormat.fromId(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8) != 0,
                TaskStatus.fromId(rs.getString(9)), Stage.fromId(rs.getString(10)), rs.getInt(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getInt(15), Instant.parse(rs.getString(16)),
                Instant.parse(rs.getString(17)));
    }
}
