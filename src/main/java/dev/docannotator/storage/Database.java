package dev.docannotator.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The embedded SQLite database in the data directory. All writes go through one connection, used by one thread
 * at a time: SQLite serialises writers anyway, and this keeps transactions simple and correct. Reads use a small
 * pool of read-only connections, so that in WAL mode they see the last commit without waiting for a writer
 * (a request looking up a document must not queue behind a batch of checkpoints).
 */
public final class Database implements SqlAccess, AutoCloseable {

    private static final int READERS = 4;

    private final Connection connection;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders;
    private final Path file;

    private Database(Path file, Connection connection, List<Connection> readers) {
        this.file = file;
        this.connection = connection;
        this.allReaders = readers;
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    /**
     * Opens (creating if missing) the database file, in WAL mode with foreign keys on, and brings its schema up to
     * date ({@link dev.docannotator.storage.sqlite.SqliteMigrations}). An existing file that is not one of ours is refused ({@link DatabaseFile#check}).
     */
    public static Database open(Path file) {
        DatabaseFile.check(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection connection = DriverManager.getConnection(url);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            dev.docannotator.storage.sqlite.SqliteMigrations.migrate(url, connection);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                try (Statement st = reader.createStatement()) {
                    st.execute("PRAGMA busy_timeout=5000");
                    st.execute("PRAGMA query_only=ON");
                }
                readers.add(reader);
            }
            return new Database(file, connection, readers);
        } catch (SQLException | IOException e) {
            throw new StorageException("Cannot open the database at " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs read-only {@code work} on one of the read connections: it sees everything committed before it began,
     * and never waits for a writer. Writing through it fails.
     */
    @Override
    public <T> T read(SqlWork<T> work) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for a database connection", e);
        }
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StorageException("Database error: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /** Runs {@code work} on the write connection in autocommit mode (each statement its own transaction). */
    public synchronized <T> T write(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("Database error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    @Override
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Database error: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (Connection reader : allReaders) {
                if (!reader.isClosed()) {
                    reader.close();
                }
            }
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot close the database: " + e.getMessage(), e);
        }
    }
}
