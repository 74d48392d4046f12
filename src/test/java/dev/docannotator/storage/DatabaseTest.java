package dev.docannotator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("t.db"));
        db.write(c -> c.createStatement().executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readsSeeWhatWasCommittedBefore() {
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('first')"));
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('second')"));

        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aReadDoesNotWaitForAnOpenWriteTransactionAndDoesNotSeeIt() throws Exception {
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('committed')"));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('uncommitted')");
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(this::count);
        // Generous: the read must finish while the writer still holds its transaction open.
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(1);

        release.countDown();
        writer.get(10, TimeUnit.SECONDS);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void writingThroughAReadIsRefused() {
        assertThatThrownBy(() -> db.read(c -> c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('x')")))
                .isInstanceOf(StorageException.class);
        assertThat(count()).isZero();
    }

    @Test
    void manyConcurrentReadsShareThePoolWithoutLosingConnections() throws Exception {
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO notes (body) VALUES ('one')"));
        List<CompletableFuture<Integer>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            reads.add(CompletableFuture.supplyAsync(this::count));
        }
        for (CompletableFuture<Integer> read : reads) {
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        // A failing read gives its connection back too.
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> db.read(c -> c.createStatement().executeQuery("SELECT * FROM missing")))
                    .isInstanceOf(StorageException.class);
        }
        assertThat(count()).isEqualTo(1);
    }

    private int count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM notes"); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
