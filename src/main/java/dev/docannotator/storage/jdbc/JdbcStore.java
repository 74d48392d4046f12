package dev.docannotator.storage.jdbc;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.CheckpointSummary;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.AnnotationStore;
import dev.docannotator.storage.CheckpointStore;
import dev.docannotator.storage.EventStore;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreBatch;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStore;
import dev.docannotator.storage.ResultStore;
import dev.docannotator.storage.UploadStore;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The tables both stores have in common, in SQL both understand: tasks, task_events, checkpoints, annotations and
 * the rows of documents. Values are bound by column name ({@link #taskColumns}), never by a position kept in
 * step with a column list by hand. Subclasses add where the bytes of documents and results live.
 */
public abstract class JdbcStore implements Store {
    /** Appended to an {@code INSERT ... SELECT}: writes the row only while its task exists (last parameter). */
    private static final String IF_TASK_EXISTS = "WHERE EXISTS (SELECT 1 FROM tasks WHERE task_id = ?)";

    protected final SqlAccess sql;
    protected final SqlDialect dialect;
    /** The data directory's layout: where this machine keeps the bytes of documents and results. */
    protected final TaskFiles files;
    private final UploadStore documents;
    private final ResultStore results;
    private final TaskStore tasks;
    private final EventStore events = new Events();
    private final CheckpointStore checkpoints = new Checkpoints();
    private final AnnotationStore annotations = new Annotations();
    /** The fingerprint of the text this store last committed per task key (see {@link #writeTexts}). */
    private final Map<String, String> textsWritten = new ConcurrentHashMap<>();

    protected JdbcStore(SqlAccess sql, SqlDialect dialect, TaskFiles files) {
        this.sql = sql;
        this.dialect = dialect;
        this.files = files;
        this.tasks = new Tasks(); // after sql: its grouped inserts hold it
        this.documents = newDocuments();
        this.results = newResults();
    }

    /**
     * The subclass's documents (where their bytes live). Called once, from this constructor: it makes an inner
     * class and reads none of the subclass's own fields, which are not set yet.
     */
    protected abstract StoredDocuments newDocuments();

    /** The subclass's results (where their bytes live); called once, from this constructor, like {@link #newDocuments}. */
    protected abstract StoredResults newResults();

    @Override
    public final UploadStore documents() {
        return documents;
    }

    @Override
    public final ResultStore results() {
        return results;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public AnnotationStore annotations() {
        return annotations;
    }

    // ---- binding by name ----

    /** A task row as column name → value (String, Integer, Boolean, Instant or null). */
    private static Map<String, Object> taskColumns(String key, TaskView t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task_id", key);
        row.put("user_id", t.userId());
        row.put("document_id", t.documentId());
        row.put("filename", t.filename());
        row.put("format", t.format().id());
        row.put("requirement", t.requirement());
        row.put("locale", t.locale());
        row.put("pausable", t.pausable());
        row.put("analyser", t.analyser().id());
        row.putAll(taskState(t));
        row.put("created_at", t.createdAt());
        return row;
    }

    /** The columns of a task row that change while it runs. */
    private static Map<String, Object> taskState(TaskView t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("status", t.status().id());
        row.put("stage", t.stage().id());
        row.put("progress", t.progress());
        row.put("message", t.message());
        row.put("error_code", t.errorCode());
        row.put("error_message", t.errorMessage());
        row.put("annotation_count", t.annotationCount());
        row.put("updated_at", t.updatedAt());
        return row;
    }

    /** Binds {@code values} in their order from parameter {@code first}; returns the next parameter index. */
    protected int bind(PreparedStatement st, int first, Iterable<?> values) throws SQLException {
        int i = first;
        for (Object value : values) {
            bindOne(st, i++, value);
        }
        return i;
    }

    protected void bindOne(PreparedStatement st, int i, Object value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.VARCHAR);
        } else if (value instanceof String s) {
            st.setString(i, s);
        } else if (value instanceof Integer n) {
            st.setInt(i, n);
        } else if (value instanceof Long n) {
            st.setLong(i, n);
        } else if (value instanceof Boolean b) {
            st.setBoolean(i, b);
        } else if (value instanceof Instant t) {
            dialect.setInstant(st, i, t);
        } else {
            throw new IllegalArgumentException("Cannot bind a " + value.getClass().getSimpleName());
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private TaskView taskFrom(ResultSet rs) throws SQLException {
        String key = rs.getString("task_id");
        return new TaskView(key.substring(key.lastIndexOf(':') + 1), rs.getString("user_id"),
                rs.getString("document_id"), rs.getString("filename"), DocumentFormat.fromId(rs.getString("format")),
                rs.getString("requirement"), rs.getString("locale"), rs.getBoolean("pausable"),
                TaskStatus.fromId(rs.getString("status")), Stage.fromId(rs.getString("stage")), rs.getInt("progress"),
                rs.getString("message"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getInt("annotation_count"), dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "updated_at"),
                AnalyserChoice.fromId(rs.getString("analyser")).orElse(AnalyserChoice.RULES));
    }

    // ---- document rows (the bytes are the subclass's) ----

    protected static final String DOCUMENT_COLUMNS = "document_id, user_id, filename, format, size_bytes, created_at";

    protected List<Object> documentValues(DocumentRecord doc) {
        return List.of(doc.documentId(), doc.userId(), doc.filename(), doc.format().id(), doc.sizeBytes(), doc.createdAt());
    }

    /** The rows of documents, alike in both stores; a subclass adds where the bytes live (insert, localFile, delete). */
    protected abstract class StoredDocuments implements UploadStore {
        @Override
        public final Optional<DocumentRecord> find(String documentId) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE document_id = ?")) {
                    st.setString(1, documentId);
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new DocumentRecord(rs.getString("document_id"), rs.getString("user_id"),
                                rs.getString("filename"), DocumentFormat.fromId(rs.getString("format")),
                                rs.getLong("size_bytes"), dialect.getInstant(rs, "created_at")));
                    }
                }
            });
        }

        @Override
        public final List<String> unusedBefore(Instant cutoff) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT document_id FROM documents d WHERE created_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = d.document_id AND "
                        + "(t.updated_at >= ? OR t.status IN ('queued', 'running')))")) {
                    dialect.setInstant(st, 1, cutoff);
                    dialect.setInstant(st, 2, cutoff);
                    return strings(st);
                }
            });
        }
    }

    /** Results, written by the pipeline into this machine's work file; a subclass says where they are kept. */
    protected abstract class StoredResults implements ResultStore {
        @Override
        public final Path workFile(String key, DocumentFormat format) {
            return files.result(key, format);
        }
    }

    protected void deleteDocumentRows(List<String> documentIds) {
        deleteIds("DELETE FROM documents WHERE document_id = ?", documentIds);
    }

    private void deleteIds(String statement, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(statement)) {
                for (String id : ids) {
                    st.setString(1, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private static List<String> strings(PreparedStatement st) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ---- the group commit ----

    /** A checkpoint's text, apart from the checkpoint: its fingerprint, and its JSON when it must be written. */
    private record PendingText(ExtractedText text, String fingerprint, String json) {
    }

    /** Cheap to compute again (a String caches its hash), and different whenever the text or its blocks differ. */
    static String fingerprint(ExtractedText text) {
        return text.text().length() + "/" + text.text().hashCode() + "/" + text.blocks().size() + "/"
                + text.blocks().hashCode();
    }

    private static Checkpoint withoutText(Checkpoint c) {
        return new Checkpoint(c.stage(), c.position(), c.progress(), ExtractedText.empty(), c.annotations(), c.applied(),
                c.dropped(), c.llmUsage(), c.llmFailure());
    }

    private static Checkpoint withText(Checkpoint c, ExtractedText text) {
        return new Checkpoint(c.stage(), c.position(), c.progress(), text, c.annotations(), c.applied(), c.dropped(),
                c.llmUsage(), c.llmFailure());
    }

    @Override
    public Set<String> writeBatch(StoreBatch batch) {
        // JSON is written before the transaction: the connection is held only for the SQL. A task's text is
        // serialised only when it differs from the one this store last wrote for the task (checked again below).
        Map<String, String> checkpointJson = new LinkedHashMap<>();
        Map<String, String> summaryJson = new LinkedHashMap<>();
        Map<String, PendingText> texts = new LinkedHashMap<>();
        batch.checkpoints().forEach((key, checkpoint) -> {
            checkpointJson.put(key, Json.write(withoutText(checkpoint)));
            summaryJson.put(key, Json.write(checkpoint.summary()));
            String fingerprint = fingerprint(checkpoint.text());
            texts.put(key, new PendingText(checkpoint.text(), fingerprint,
                    fingerprint.equals(textsWritten.get(key)) ? null : Json.write(checkpoint.text())));
        });
        Map<String, List<String>> annotationJson = new LinkedHashMap<>();
        batch.annotations().forEach((key, all) -> annotationJson.put(key, all.stream().map(Json::write).toList()));
        Instant now = Instant.now();
        Set<String> superseded = sql.inTransaction(c -> {
            Set<String> endedElsewhere = endedElsewhere(c, batch);
            StoreBatch kept = batch.without(endedElsewhere);
            insertTasks(c, kept);
            updateTasks(c, kept.tasks().entrySet().stream().filter(e -> !kept.newTasks().contains(e.getKey()))
                    .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
            appendEvents(c, kept.events());
            announce(c, kept);
            if (!checkpointJson.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO checkpoints (task_id, json, summary, "
                        + "updated_at) SELECT ?, ?, ?, ? " + IF_TASK_EXISTS + " ON CONFLICT (task_id) DO UPDATE SET "
                        + "json = excluded.json, summary = excluded.summary, updated_at = excluded.updated_at")) {
                    for (Map.Entry<String, String> entry : checkpointJson.entrySet()) {
                        bind(st, 1, Arrays.asList(entry.getKey(), entry.getValue(), summaryJson.get(entry.getKey()), now,
                                entry.getKey()));
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                writeTexts(c, texts);
            }
            for (Map.Entry<String, List<String>> entry : annotationJson.entrySet()) {
                if (endedElsewhere.contains(entry.getKey())) {
                    continue; // the run's final annotations, but its result never made it into the log
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM annotations WHERE task_id = ?")) {
                    del.setString(1, entry.getKey());
                    del.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO annotations (task_id, idx, json) SELECT ?, ?, ? " + IF_TASK_EXISTS)) {
                    int idx = 0;
                    for (String annotation : entry.getValue()) {
                        bind(st, 1, Arrays.asList(entry.getKey(), idx++, annotation, entry.getKey()));
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            return endedElsewhere;
        });
        texts.forEach((key, text) -> textsWritten.put(key, text.fingerprint()));
        return superseded;
    }

    /**
     * Within the batch's transaction, before anything is written: the keys of the tasks whose log another writer
     * ended after the last event this batch's writer committed (see {@link Store#writeBatch}). None here: with one
     * instance nobody else writes a task's log. A store shared by several instances locks the tasks' rows and looks.
     */
    protected Set<String> endedElsewhere(Connection c, StoreBatch batch) throws SQLException {
        return Set.of();
    }

    /**
     * Writes the texts that changed. One this store believes written is checked against the table (cheap): another
     * instance may have replaced it, or retention removed the task and its id was used again.
     */
    private void writeTexts(Connection c, Map<String, PendingText> texts) throws SQLException {
        try (PreparedStatement stored = c.prepareStatement("SELECT fingerprint FROM task_texts WHERE task_id = ?");
             PreparedStatement upsert = c.prepareStatement("INSERT INTO task_texts (task_id, fingerprint, json) "
                     + "SELECT ?, ?, ? " + IF_TASK_EXISTS + " ON CONFLICT (task_id) DO UPDATE SET "
                     + "fingerprint = excluded.fingerprint, json = excluded.json")) {
            boolean any = false;
            for (Map.Entry<String, PendingText> entry : texts.entrySet()) {
                PendingText text = entry.getValue();
                String json = text.json();
                if (json == null) {
                    stored.setString(1, entry.getKey());
                    try (ResultSet rs = stored.executeQuery()) {
                        if (rs.next() && text.fingerprint().equals(rs.getString("fingerprint"))) {
                            continue;
                        }
                    }
                    json = Json.write(text.text());
                }
                bind(upsert, 1, Arrays.asList(entry.getKey(), text.fingerprint(), json, entry.getKey()));
                upsert.addBatch();
                any = true;
            }
            if (any) {
                upsert.executeBatch();
            }
        }
    }

    /** The rows of the batch's new tasks, first: its events, checkpoints and annotations need them. */
    private void insertTasks(Connection c, StoreBatch batch) throws SQLException {
        for (String key : batch.newTasks()) {
            Map<String, Object> row = taskColumns(key, batch.tasks().get(key));
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tasks (" + String.join(", ", row.keySet())
                    + ") VALUES (" + placeholders(row.size()) + ")")) {
                bind(st, 1, row.values());
                st.executeUpdate();
            }
        }
    }

    private void updateTasks(Connection c, Map<String, TaskView> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(taskState(rows.values().iterator().next()).keySet());
        String assignments = String.join(", ", columns.stream().map(col -> col + " = ?").toList());
        try (PreparedStatement st = c.prepareStatement("UPDATE tasks SET " + assignments + " WHERE task_id = ?")) {
            for (Map.Entry<String, TaskView> entry : rows.entrySet()) {
                int next = bind(st, 1, taskState(entry.getValue()).values());
                st.setString(next, entry.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Called inside a batch's transaction after its tasks and events were written, before it commits: where a
     * store tells others about them (a PostgreSQL {@code NOTIFY} is delivered exactly when the batch commits).
     */
    protected void announce(Connection c, StoreBatch batch) throws SQLException {
    }

    private void appendEvents(Connection c, List<StoreBatch.PendingEvent> pending) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO task_events (task_id, seq, type, data) "
                + "SELECT ?, ?, ?, ? " + IF_TASK_EXISTS
                + " ON CONFLICT (task_id, seq) DO UPDATE SET type = excluded.type, data = excluded.data")) {
            for (StoreBatch.PendingEvent event : pending) {
                bind(st, 1, Arrays.asList(event.key(), event.event().seq(), event.event().type(), event.event().data(),
                        event.key()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    // ---- the four stores ----

    private final class Tasks implements TaskStore {
        /** Concurrent inserts share a transaction: a burst of new tasks would otherwise queue one commit each. */
        private final GroupedInserts<Map<String, Object>> inserts = new GroupedInserts<>(sql, (c, row) -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tasks (" + String.join(", ", row.keySet())
                    + ") VALUES (" + placeholders(row.size()) + ")")) {
                bind(st, 1, row.values());
                st.executeUpdate();
            }
        });

        @Override
        public void insert(String key, TaskView task) {
            inserts.insert(taskColumns(key, task));
        }

        @Override
        public Optional<TaskView> find(String key) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT * FROM tasks WHERE task_id = ?")) {
                    st.setString(1, key);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? Optional.of(taskFrom(rs)) : Optional.empty();
                    }
                }
            });
        }

        @Override
        public boolean exists(String key) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tasks WHERE task_id = ?")) {
                    st.setString(1, key);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        }

        @Override
        public List<TaskView> listByUser(String userId) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT * FROM tasks WHERE user_id = ? "
                        + "ORDER BY created_at DESC, " + dialect.insertionOrder() + " DESC")) {
                    st.setString(1, userId);
                    List<TaskView> found = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(taskFrom(rs));
                        }
                    }
                    return found;
                }
            });
        }

        @Override
        public boolean refersTo(String documentId) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tasks WHERE document_id = ? LIMIT 1")) {
                    st.setString(1, documentId);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        }

        @Override
        public Map<String, Integer> countByStatusAndPausable() {
            return sql.read(c -> {
                Map<String, Integer> counts = new HashMap<>();
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT status, pausable, count(*) AS n FROM tasks GROUP BY status, pausable");
                     ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString("status") + "|" + rs.getBoolean("pausable"), rs.getInt("n"));
                    }
                }
                return counts;
            });
        }

        @Override
        public int markUnfinishedInterrupted(Instant now, BiFunction<String, String, String> shutdownData) {
            return sql.inTransaction(c -> {
                Map<String, String> localeByTask = new LinkedHashMap<>();
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT task_id, locale FROM tasks WHERE status IN ('queued', 'running')");
                     ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        localeByTask.put(rs.getString("task_id"), rs.getString("locale"));
                    }
                }
                try (PreparedStatement last = c.prepareStatement(
                        "SELECT seq, type FROM task_events WHERE task_id = ? ORDER BY seq DESC LIMIT 1");
                     PreparedStatement append = c.prepareStatement(
                             "INSERT INTO task_events (task_id, seq, type, data) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> task : localeByTask.entrySet()) {
                        String key = task.getKey();
                        last.setString(1, key);
                        long lastSeq = 0;
                        try (ResultSet rs = last.executeQuery()) {
                            if (rs.next()) {
                                lastSeq = rs.getLong("seq");
                                if (TaskEvent.isTerminal(rs.getString("type"))) {
                                    continue;
                                }
                            }
                        }
                        bind(append, 1, Arrays.asList(key, lastSeq + 1, TaskEvent.SHUTDOWN,
                                shutdownData.apply(key, task.getValue())));
                        append.executeUpdate();
                    }
                }
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE tasks SET status = 'interrupted', updated_at = ? WHERE status IN ('queued', 'running')")) {
                    dialect.setInstant(st, 1, now);
                    return st.executeUpdate();
                }
            });
        }

        @Override
        public List<String> finishedBefore(Instant cutoff) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT task_id FROM tasks WHERE updated_at < ? "
                        + "AND status NOT IN ('queued', 'running')")) {
                    dialect.setInstant(st, 1, cutoff);
                    return strings(st);
                }
            });
        }

        @Override
        public void delete(List<String> keys) {
            deleteIds("DELETE FROM tasks WHERE task_id = ?", keys);
            keys.forEach(textsWritten::remove);
        }
    }

    private final class Events implements EventStore {
        @Override
        public List<TaskEvent> after(String key, long afterSeq) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT seq, type, data FROM task_events WHERE task_id = ? AND seq > ? ORDER BY seq")) {
                    st.setString(1, key);
                    st.setLong(2, afterSeq);
                    List<TaskEvent> found = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(new TaskEvent(rs.getLong("seq"), rs.getString("type"), rs.getString("data")));
                        }
                    }
                    return found;
                }
            });
        }
    }

    private final class Checkpoints implements CheckpointStore {
        @Override
        public Optional<Checkpoint> load(String key) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT c.json, t.json AS text_json FROM checkpoints c "
                        + "LEFT JOIN task_texts t ON t.task_id = c.task_id WHERE c.task_id = ?")) {
                    st.setString(1, key);
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        Checkpoint checkpoint = Json.read(rs.getString("json"), Checkpoint.class);
                        String text = rs.getString("text_json");
                        // A checkpoint written before texts were kept apart carries its own text.
                        return Optional.of(text == null ? checkpoint
                                : withText(checkpoint, Json.read(text, ExtractedText.class)));
                    }
                }
            });
        }

        @Override
        public Optional<CheckpointSummary> summary(String key) {
            // null: no checkpoint; "": a row written before summaries were stored, whose checkpoint is read whole
            String stored = sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT summary FROM checkpoints WHERE task_id = ?")) {
                    st.setString(1, key);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? Objects.requireNonNullElse(rs.getString("summary"), "") : null;
                    }
                }
            });
            if (stored == null) {
                return Optional.empty();
            }
            return stored.isEmpty() ? load(key).map(Checkpoint::summary)
                    : Optional.of(Json.read(stored, CheckpointSummary.class));
        }
    }

    private final class Annotations implements AnnotationStore {
        @Override
        public List<Annotation> load(String key) {
            return sql.read(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT json FROM annotations WHERE task_id = ? ORDER BY idx")) {
                    st.setString(1, key);
                    List<Annotation> found = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(Json.read(rs.getString("json"), Annotation.class));
                        }
                    }
                    return found;
                }
            });
        }
    }
}
