package dev.docannotator.storage.postgres;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.StoreBatch;
import dev.docannotator.storage.jdbc.JdbcStore;
import dev.docannotator.storage.jdbc.SqlDialect;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store shared by several instances: every row, and the bytes of documents and results, in PostgreSQL, so that
 * any instance can serve any request. Each instance keeps local copies (documents under their never-reused ids,
 * results under their result ids) in its data directory, because the workers read and write files.
 */
public final class PostgresStore extends JdbcStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

    private static final SqlDialect DIALECT = new SqlDialect() {
        @Override
        public void setInstant(PreparedStatement st, int index, Instant instant) throws SQLException {
            st.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }

        @Override
        public Instant getInstant(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }

        @Override
        public String insertionOrder() {
            return "row_no";
        }
    };

    /** Where each committed batch names the tasks it wrote; null: nobody listens. */
    private final String eventsChannel;

    /** A store over {@code database} (already migrated), with its local copies under {@code files}. */
    public PostgresStore(PostgresDatabase database, TaskFiles files) {
        this(database, files, null);
    }

    /**
     * A store that also sends {@code NOTIFY <eventsChannel> '<task key>'} for each task a batch wrote, in the
     * batch's own transaction: the instances streaming that task are woken at the commit, with no further round trip.
     */
    public PostgresStore(PostgresDatabase database, TaskFiles files, String eventsChannel) {
        super(database, DIALECT, files);
        this.eventsChannel = eventsChannel;
    }

    @Override
    protected void announce(Connection c, StoreBatch batch) throws SQLException {
        if (eventsChannel == null) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        batch.events().forEach(e -> keys.add(e.key()));
        keys.addAll(batch.tasks().keySet());
        for (String key : keys) {
            Notifications.publish(c, eventsChannel, key);
        }
    }

    /**
     * Locks the rows of the batch's tasks (in key order, as a cancel accepted by another instance locks its task's
     * row before it appends {@code cancelled}), so that the two never interleave, and names the tasks whose log
     * another instance ended: the stored log ends in {@code cancelled} and the batch's first event of the task is
     * not past it, or the batch writes the task's row with another status and no event. (Any other rewritten seq
     * replaces the stored event, as in every store: a retried batch whose commit went unacknowledged.)
     *
     * <p>One round trip per group commit in the usual case: the locking statement returns each row's status as
     * committed when the lock was granted (a row locked while waiting is read again), and a cancel that ended a log
     * marked its row cancelled in the same transaction, so the log is read only for a task whose row says cancelled.
     */
    @Override
    protected Set<String> endedElsewhere(Connection c, StoreBatch batch) throws SQLException {
        Map<String, Long> firstSeq = new HashMap<>();
        batch.events().forEach(e -> firstSeq.merge(e.key(), e.event().seq(), Math::min));
        Set<String> keys = new TreeSet<>(firstSeq.keySet());
        keys.addAll(batch.tasks().keySet());
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> cancelled = new TreeSet<>();
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT task_id, status FROM tasks WHERE task_id = ANY (?) ORDER BY task_id FOR UPDATE")) {
            lock.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    if (TaskStatus.CANCELLED.id().equals(rs.getString(2))) {
                        cancelled.add(rs.getString(1));
                    }
                }
            }
        }
        if (cancelled.isEmpty()) {
            return Set.of();
        }
        // Read after the lock, in a statement of its own: it sees every event committed before the lock was granted.
        Set<String> ended = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT k.task_id, e.seq, e.type FROM unnest(?::text[]) AS k(task_id) JOIN LATERAL (SELECT seq, type"
                        + " FROM task_events WHERE task_id = k.task_id ORDER BY seq DESC LIMIT 1) e ON true")) {
            st.setArray(1, c.createArrayOf("text", cancelled.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    long storedLast = rs.getLong(2);
                    String lastType = rs.getString(3);
                    Long first = firstSeq.get(key);
                    if (TaskEvent.CANCELLED.equals(lastType) && (first != null ? first <= storedLast
                            : batch.tasks().get(key).status() != TaskStatus.CANCELLED)) {
                        ended.add(key);
                    }
                }
            }
        }
        if (!ended.isEmpty()) {
            LOG.info("Another instance ended the log of {}: this batch's events and row of it are left out", ended);
        }
        return ended;
    }

    @Override
    protected StoredDocuments newDocuments() {
        return new DatabaseDocuments();
    }

    @Override
    protected StoredResults newResults() {
        return new DatabaseResults();
    }

    @Override
    public int pruneLocalCopies() {
        int removed = 0;
        // Documents: a local copy is made only after its row committed, so a copy without a row was deleted.
        removed += prune(files.documentsDir(), "documents", "document_id", name -> name);
        // Results: named by result id; the work files of running tasks live elsewhere and are not touched.
        removed += prune(files.resultCache(), "results", "result_id",
                name -> name.indexOf('.') > 0 ? name.substring(0, name.indexOf('.')) : name);
        return removed;
    }

    /** Deletes the files in {@code dir} whose id ({@code idOf} their name) is not in {@code table}. */
    private int prune(Path dir, String table, String column, java.util.function.UnaryOperator<String> idOf) {
        List<Path> local;
        try (var listing = Files.list(dir)) {
            local = listing.filter(p -> !p.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            LOG.debug("Cannot list {}", dir, e);
            return 0;
        }
        if (local.isEmpty()) {
            return 0;
        }
        List<String> ids = local.stream().map(p -> idOf.apply(p.getFileName().toString())).toList();
        Set<String> known = sql.read(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT " + column + " FROM " + table + " WHERE " + column + " = ANY (?)")) {
                st.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        int removed = 0;
        for (int i = 0; i < local.size(); i++) {
            if (!known.contains(ids.get(i))) {
                TaskFiles.deleteQuietly(local.get(i));
                removed++;
            }
        }
        return removed;
    }

    /**
     * Copies the {@code content} column that {@code query} selects for {@code id} to {@code local}; empty when there
     * is no such row (it was deleted). {@code what} names the bytes in the error.
     */
    private static Optional<Path> copyContent(Connection c, String query, String id, Path local, String what)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(query)) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try (InputStream in = rs.getBinaryStream("content")) {
                    copyAtomically(in, local);
                } catch (IOException e) {
                    throw new StorageException("Cannot keep a local copy of " + what, e);
                }
                return Optional.of(local);
            }
        }
    }

    /** Writes {@code in} to {@code target} through a temporary file beside it, so that no reader sees half of it. */
    private static void copyAtomically(InputStream in, Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), "fetch-", ".part");
        try {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Bytes in the database, a local copy as a cache. */
    private final class DatabaseDocuments extends StoredDocuments {
        @Override
        public void insert(DocumentRecord document, Path content) {
            sql.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO documents (" + DOCUMENT_COLUMNS
                        + ", content) VALUES (?, ?, ?, ?, ?, ?, ?)");
                     InputStream in = Files.newInputStream(content)) {
                    int next = bind(st, 1, documentValues(document));
                    st.setBinaryStream(next, in, Files.size(content));
                    return st.executeUpdate();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the uploaded document", e);
                }
            });
            // Committed: keep this instance's copy, which a task started here will read.
            try {
                Files.move(content, files.document(document.documentId()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LOG.debug("No local copy of document {} (fetched again when needed)", document.documentId(), e);
            }
        }

        @Override
        public Optional<Path> localFile(String documentId) {
            Path local = files.document(documentId);
            if (Files.exists(local)) {
                return Optional.of(local);
            }
            return sql.read(c -> copyContent(c, "SELECT content FROM documents WHERE document_id = ?", documentId,
                    local, "document " + documentId));
        }

        @Override
        public void delete(List<String> documentIds) {
            deleteDocumentRows(documentIds);
            for (String id : documentIds) {
                TaskFiles.deleteQuietly(files.document(id));
            }
        }
    }

    /** Bytes in the database, a local copy as a cache. */
    private final class DatabaseResults extends StoredResults {
        private Path cached(String resultId, DocumentFormat format) {
            return files.resultCache().resolve(resultId + "." + format.outputExtension());
        }

        @Override
        public void put(String key, DocumentFormat format) {
            Path work = workFile(key, format);
            if (!Files.exists(work)) {
                // A resume that found the run finished wrote nothing new: the stored result stands.
                LOG.debug("Task {}: no result file to store", key);
                return;
            }
            String resultId = UUID.randomUUID().toString();
            sql.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO results (task_id, format, result_id, "
                        + "size_bytes, content, created_at) SELECT ?, ?, ?, ?, ?, ? "
                        + "WHERE EXISTS (SELECT 1 FROM tasks WHERE task_id = ?) ON CONFLICT (task_id, format) DO UPDATE "
                        + "SET result_id = excluded.result_id, size_bytes = excluded.size_bytes, "
                        + "content = excluded.content, created_at = excluded.created_at");
                     InputStream in = Files.newInputStream(work)) {
                    long size = Files.size(work);
                    bind(st, 1, List.of(key, format.id(), resultId, size));
                    st.setBinaryStream(5, in, size);
                    bindOne(st, 6, Instant.now());
                    st.setString(7, key);
                    return st.executeUpdate();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the result of task " + key, e);
                }
            });
            try {
                Files.move(work, cached(resultId, format), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.debug("Task {}: no local copy of the result (fetched again when needed)", key, e);
            }
        }

        @Override
        public Optional<Path> localFile(String key, DocumentFormat format) {
            return sql.read(c -> {
                String resultId;
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT result_id FROM results WHERE task_id = ? AND format = ?")) {
                    st.setString(1, key);
                    st.setString(2, format.id());
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        resultId = rs.getString("result_id");
                    }
                }
                Path local = cached(resultId, format);
                if (Files.exists(local)) {
                    return Optional.of(local);
                }
                return copyContent(c, "SELECT content FROM results WHERE result_id = ?", resultId, local,
                        "the result of " + key);
            });
        }

        @Override
        public void delete(String key) {
            List<String[]> cachedResults = sql.read(c -> {
                List<String[]> found = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT result_id, format FROM results WHERE task_id = ?")) {
                    st.setString(1, key);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(new String[] {rs.getString("result_id"), rs.getString("format")});
                        }
                    }
                }
                return found;
            });
            sql.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM results WHERE task_id = ?")) {
                    st.setString(1, key);
                    return st.executeUpdate();
                }
            });
            for (String[] result : cachedResults) {
                TaskFiles.deleteQuietly(cached(result[0], DocumentFormat.fromId(result[1])));
            }
            for (DocumentFormat format : DocumentFormat.values()) {
                TaskFiles.deleteQuietly(workFile(key, format));
            }
        }
    }
}
