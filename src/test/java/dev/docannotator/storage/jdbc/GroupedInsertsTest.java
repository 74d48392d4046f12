package dev.docannotator.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.SqlWork;
import dev.docannotator.storage.StorageException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of inserts shares transactions instead of queueing one commit each (the load run opens 100 streams at
 * once, each inserting its task's row), and every caller still gets its own outcome. On the real SQLite database.
 */
class GroupedInsertsTest {
    @TempDir
    Path dir;

    private Database database;
    private final AtomicInteger transactions = new AtomicInteger();
    /** The database as the store sees it, counting the transactions that reach it. */
    private SqlAccess counted;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("test.db"));
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE rows_t (k TEXT PRIMARY KEY)"));
        counted = new SqlAccess() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return database.read(work);
            }

            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                transactions.incrementAndGet();
                return database.inTransaction(work);
            }
        };
    }

    @AfterEach
    void close() {
        database.close();
    }

    private GroupedInserts<String> inserts() {
        return new GroupedInserts<>(counted, (c, key) -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO rows_t (k) VALUES (?)")) {
                st.setString(1, key);
                st.executeUpdate();
            }
        });
    }

    @Test
    void insertsMadeWhileTheConnectionIsBusyShareOneTransaction() throws Exception {
        GroupedInserts<String> inserts = inserts();
        Map<String, Throwable> failures = insertAllWhileTheConnectionIsHeld(inserts, keys(20));

        assertThat(failures).isEmpty();
        assertThat(stored()).containsExactlyInAnyOrderElementsOf(keys(20));
        // One at a time this took 20 transactions: now the first caller's, then one for everyone who queued behind it.
        assertThat(transactions.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aTakenKeyFailsOnlyItsOwnCallerAndTheOthersOfItsBatchAreStored() throws Exception {
        GroupedInserts<String> inserts = inserts();
        inserts.insert("taken");
        List<String> keys = new ArrayList<>(keys(9));
        keys.add("taken");

        Map<String, Throwable> failures = insertAllWhileTheConnectionIsHeld(inserts, keys);

        assertThat(failures).containsOnlyKeys("taken");
        assertThat(failures.get("taken")).isInstanceOf(StorageException.class);
        List<String> expected = new ArrayList<>(keys(9));
        expected.add("taken");
        assertThat(stored()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aLoneInsertIsCommittedWhenItReturns() {
        GroupedInserts<String> inserts = inserts();
        inserts.insert("alone");
        assertThat(stored()).containsExactly("alone");
        assertThat(transactions.get()).isEqualTo(1);
    }

    /**
     * Starts one thread per key while this thread holds the write connection (the database's monitor), waits until
     * every one of them waits, then lets them go; returns the failures by key.
     */
    private Map<String, Throwable> insertAllWhileTheConnectionIsHeld(GroupedInserts<String> inserts, List<String> keys)
            throws InterruptedException {
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        synchronized (database) {
            for (String key : keys) {
                Thread t = new Thread(() -> {
                    try {
                        inserts.insert(key);
                    } catch (RuntimeException e) {
                        failures.put(key, e);
                    }
                });
                threads.add(t);
                t.start();
            }
            while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.BLOCKED)) {
                Thread.onSpinWait();
            }
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        return failures;
    }

    private static List<String> keys(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("key-" + i);
        }
        return keys;
    }

    private List<String> stored() {
        return database.read(c -> {
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT k FROM rows_t")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
