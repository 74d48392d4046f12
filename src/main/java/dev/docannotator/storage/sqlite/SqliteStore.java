package dev.docannotator.storage.sqlite;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.storage.Database;
import dev.docannotator.storage.jdbc.JdbcStore;
import dev.docannotator.storage.jdbc.SqlDialect;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.TaskFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store of one instance: rows in the SQLite {@link Database} of the data directory, the bytes of
 * documents and results as files beside it ({@link TaskFiles}).
 */
public final class SqliteStore extends JdbcStore {
    /** Fixed-width UTC millisecond timestamps, so that text order is time order. */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final SqlDialect DIALECT = new SqlDialect() {
        @Override
        public void setInstant(PreparedStatement st, int index, Instant instant) throws SQLException {
            st.setString(index, STAMP.format(instant));
        }

        @Override
        public Instant getInstant(ResultSet rs, String column) throws SQLException {
            return Instant.parse(rs.getString(column));
        }

        @Override
        public String insertionOrder() {
            return "rowid";
        }
    };

    /** A store over {@code database} (already migrated when it was opened) and the files under {@code files}. */
    public SqliteStore(Database database, TaskFiles files) {
        super(database, DIALECT, files);
    }

    @Override
    protected StoredDocuments newDocuments() {
        return new DocumentFiles();
    }

    @Override
    protected StoredResults newResults() {
        return new ResultFiles();
    }

    /** Bytes as files in the data directory, the only copy. */
    private final class DocumentFiles extends StoredDocuments {
        @Override
        public void insert(DocumentRecord document, Path content) {
            try {
                Files.move(content, files.document(document.documentId()), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store the uploaded document", e);
            }
            sql.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO documents (" + DOCUMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(st, 1, documentValues(document));
                    return st.executeUpdate();
                }
            });
        }

        @Override
        public Optional<Path> localFile(String documentId) {
            Path file = files.document(documentId);
            return Files.exists(file) ? Optional.of(file) : Optional.empty();
        }

        @Override
        public void delete(List<String> documentIds) {
            // The file first: a row without its file already reads as not found, and retention removes it.
            for (String id : documentIds) {
                TaskFiles.deleteQuietly(files.document(id));
            }
            deleteDocumentRows(documentIds);
        }
    }

    /** Where the pipeline wrote them, the only copy. */
    private final class ResultFiles extends StoredResults {
        @Override
        public void put(String key, DocumentFormat format) {
            // Already where it is served from.
        }

        @Override
        public Optional<Path> localFile(String key, DocumentFormat format) {
            Path file = files.result(key, format);
            return Files.exists(file) ? Optional.of(file) : Optional.empty();
        }

        @Override
        public void delete(String key) {
            for (DocumentFormat format : DocumentFormat.values()) {
                TaskFiles.deleteQuietly(files.result(key, format));
            }
        }
    }
}
