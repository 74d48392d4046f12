package dev.docannotator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Checks a database file before it is opened: a file that exists must be one of ours. A missing file starts a
 * fresh database; an empty, unreadable or foreign one is refused (opening it would silently start over and lose
 * every task and the rollout state). {@link #setAside} makes room for a fresh one without deleting anything.
 */
public final class DatabaseFile {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The file exists but cannot be used; the message is one line for an operator. */
    public static final class RefusedException extends StorageException {
        RefusedException(String message) {
            super(message, null);
        }
    }

    private DatabaseFile() {
    }

    /** Refuses (with a {@link RefusedException}) an existing file that is not a database of ours. */
    public static void check(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        String fix = " Move it away, or start with --init to set it aside and begin with an empty database.";
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RefusedException("The database " + file + " exists but cannot be read." + fix);
        }
        try {
            if (Files.size(file) == 0 && !hasContent(Path.of(file + "-wal"))) {
                throw new RefusedException("The database " + file + " exists but is empty (0 bytes)." + fix);
            }
            if (Files.size(file) > 0 && !startsWithSqliteHeader(file)) {
                throw new RefusedException("The file " + file + " is not an SQLite database." + fix);
            }
        } catch (IOException e) {
            throw new RefusedException("The database " + file + " cannot be read: " + e.getMessage() + "." + fix);
        }
        if (!isOursOrBlank(file)) {
            throw new RefusedException("The database " + file + " is not a DocAnnotator database." + fix);
        }
    }

    /**
     * Renames {@code file} (and its -wal and -shm companions) to {@code <name>.<timestamp>.bak}; returns the new path
     * of the main file, or null when there was none.
     */
    public static Path setAside(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = file.resolveSibling(file.getFileName() + "." + stamp + ".bak");
        try {
            for (String suffix : List.of("-wal", "-shm", "")) {
                Path from = Path.of(file + suffix);
                if (Files.exists(from)) {
                    Files.move(from, Path.of(target + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot set the database " + file + " aside: " + e.getMessage(), e);
        }
        return target;
    }

    private static boolean hasContent(Path file) throws IOException {
        return Files.exists(file) && Files.size(file) > 0;
    }

    private static boolean startsWithSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /**
     * Whether the file has our migration table (Flyway's, or the {@code schema_migrations} of data directories made
     * before Flyway), or no table at all (a crash right after it was created). Opened
     * read-only, so that checking never changes the file.
     */
    private static boolean isOursOrBlank(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             var rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(CASE WHEN name IN ('schema_migrations', 'flyway_schema_history') THEN 1 END) "
                             + "FROM sqlite_master "
                             + "WHERE type = 'table'")) {
            return rs.next() && (rs.getInt(1) == 0 || rs.getInt(2) >= 1);
        } catch (SQLException e) {
            throw new RefusedException("The database " + file + " cannot be opened: " + e.getMessage()
                    + ". Move it away, or start with --init to set it aside and begin with an empty database.");
        }
    }
}
