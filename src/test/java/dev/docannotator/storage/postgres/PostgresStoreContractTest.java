package dev.docannotator.storage.postgres;

import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.EventsNotice;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreBatch;
import dev.docannotator.storage.StoreContractTest;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a fresh database of a real PostgreSQL. The other handle has a data directory of its own, as
 * another instance would: what it serves comes from the database, not from files the first one left.
 */
class PostgresStoreContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private String url;
    private final List<PostgresDatabase> open = new ArrayList<>();

    private Store openOn(Path dir) {
        if (url == null) {
            url = TestPostgres.freshDatabaseUrl();
        }
        PostgresDatabase database = PostgresDatabase.connect(DatabaseUrl.parse(url), 2);
        open.add(database);
        database.migrate();
        return new PostgresStore(database, new TaskFiles(dir));
    }

    @Override
    protected Store openStore() {
        return openOn(dataDir);
    }

    @Override
    protected Store openOther() {
        return openOn(otherDataDir);
    }

    @Test
    void anInstanceDropsItsLocalCopiesOfWhatAnotherInstancesRetentionRemoved() throws Exception {
        Path upload = Files.createTempFile("upload-", ".part");
        Files.writeString(upload, "abc");
        store.documents().insert(new DocumentRecord("doc-00000001", USER, "a.txt", DocumentFormat.TXT, 3, T0), upload);
        Path kept = Files.createTempFile("upload-", ".part");
        Files.writeString(kept, "def");
        store.documents().insert(new DocumentRecord("doc-00000002", USER, "b.txt", DocumentFormat.TXT, 3, T0), kept);
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.COMPLETED, T0));
        Path work = store.results().workFile("k:task-0001", DocumentFormat.TXT);
        Files.createDirectories(work.getParent());
        Files.writeString(work, "result");
        store.results().put("k:task-0001", DocumentFormat.TXT);

        Store other = openOther();
        Path otherDocument = other.documents().localFile("doc-00000001").orElseThrow();
        Path otherKept = other.documents().localFile("doc-00000002").orElseThrow();
        Path otherResult = other.results().localFile("k:task-0001", DocumentFormat.TXT).orElseThrow();
        assertThat(other.pruneLocalCopies()).isZero();

        store.tasks().delete(List.of("k:task-0001"));
        store.documents().delete(List.of("doc-00000001"));
        assertThat(other.pruneLocalCopies()).isEqualTo(2);
        assertThat(otherDocument).doesNotExist();
        assertThat(otherResult).doesNotExist();
        assertThat(otherKept).hasContent("def");
    }

    /**
     * A task nobody follows any more is ended the same way (its {@code cancelled} after the last committed event),
     * and its request stays recorded as abandoned, so that an instance taking the run over says so too.
     */
    @Test
    void anAbandonedTasksCancelEndsTheLogAndIsRecordedAsAbandoned() throws Exception {
        String key = "k:task-0001";
        store.tasks().insert(key, task("task-0001", TaskStatus.RUNNING, T0));
        assertThat(store.writeBatch(new StoreBatch(List.of(event(key, 1, "task")),
                Map.of(key, task("task-0001", TaskStatus.RUNNING, T0)), Map.of(), Map.of()))).isEmpty();
        claim(key);
        PostgresCancelRecords cancels = new PostgresCancelRecords(open.get(0));

        assertThat(cancels.cancelClaimed(new CancelRequest(key, true), "instance-a",
                target -> Optional.of("{\"type\":\"cancelled\"}"))).isTrue();

        assertThat(store.events().all(key)).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(tuple(1L, "task"), tuple(2L, "cancelled"));
        assertThat(store.tasks().find(key).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancels.pending(List.of(key))).containsExactly(new CancelRequest(key, true));
    }

    /**
     * A cancel accepted by another instance ends the log itself, after the last committed event; the running
     * instance's group commit then leaves out what it held of that task (events it numbered after that, its row),
     * and names the task so that its instance takes the stored log: one {@code cancelled}, in sequence.
     */
    @Test
    void aCancelAcceptedElsewhereEndsTheLogAndTheRunningInstancesLaterWritesOfItAreLeftOut() throws Exception {
        String key = "k:task-0001";
        store.tasks().insert(key, task("task-0001", TaskStatus.RUNNING, T0));
        assertThat(store.writeBatch(new StoreBatch(List.of(event(key, 1, "task"), event(key, 2, "annotation")),
                Map.of(key, task("task-0001", TaskStatus.RUNNING, T0)), Map.of(), Map.of()))).isEmpty();
        PostgresCancelRecords cancels = new PostgresCancelRecords(open.get(0));
        assertThat(cancels.cancelClaimed(key, "instance-c", target -> Optional.of("{\"type\":\"cancelled\"}")))
                .as("no instance claimed it: nothing written").isFalse();
        claim(key);
        List<CancelRecords.Target> seen = new ArrayList<>();
        assertThat(cancels.cancelClaimed(key, "instance-c", target -> {
            seen.add(target);
            return Optional.of("{\"type\":\"cancelled\"}");
        })).isTrue();
        assertThat(seen).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo("task-0001");
            assertThat(t.status()).isEqualTo(TaskStatus.RUNNING);
        });

        // The running instance, not yet told, commits the events it numbered 3 and 4 and its row: left out.
        assertThat(store.writeBatch(new StoreBatch(List.of(event(key, 3, "annotation"), event(key, 4, "cancelled")),
                Map.of(key, task("task-0001", TaskStatus.CANCELLED, T0)), Map.of(), Map.of()))).containsExactly(key);
        // A row alone that says the task still runs (or completed) is left out too.
        assertThat(store.writeBatch(new StoreBatch(List.of(), Map.of(key, task("task-0001", TaskStatus.COMPLETED, T0)),
                Map.of(), Map.of()))).containsExactly(key);
        assertThat(store.events().all(key)).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(tuple(1L, "task"), tuple(2L, "annotation"), tuple(3L, "cancelled"));
        assertThat(store.tasks().find(key).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);

        // A second cancel finds it cancelled: the decision writes nothing.
        assertThat(cancels.cancelClaimed(key, "instance-b", target -> Optional.empty())).isTrue();
        assertThat(store.events().all(key)).hasSize(3);
        // A resume continues the stored log: written as usual.
        assertThat(store.writeBatch(new StoreBatch(List.of(event(key, 4, "task")),
                Map.of(key, task("task-0001", TaskStatus.QUEUED, T0)), Map.of(), Map.of()))).isEmpty();
        assertThat(store.tasks().find(key).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(store.events().all(key)).extracting(TaskEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    /**
     * The instances streaming a task show a cancel accepted elsewhere without reading it back: the events wake-up
     * carries the appended {@code cancelled} with its seq; a plain wake-up is the task's key alone.
     */
    @Test
    void theEventsWakeUpOfACancelAcceptedElsewhereCarriesItsCancelledEvent() throws Exception {
        String key = "k:task-0003";
        store.tasks().insert(key, task("task-0003", TaskStatus.RUNNING, T0));
        store.writeBatch(new StoreBatch(List.of(event(key, 1, "task"), event(key, 2, "annotation")), Map.of(),
                Map.of(), Map.of()));
        claim(key);
        List<EventsNotice> notices = new CopyOnWriteArrayList<>();
        String data = "{\"type\":\"cancelled\",\"task_id\":\"task-0003\",\"message\":\"已取消\"}";
        try (Notifications listener = new Notifications(open.get(0))) {
            listener.subscribe(ClusterChannels.EVENTS, p -> {
                if (!p.isEmpty()) {
                    notices.add(EventsNotice.parse(p));
                }
            });
            listener.start();
            waitUntil("listening", Duration.ofSeconds(10), () -> listener.listening(ClusterChannels.EVENTS));
            assertThat(new PostgresCancelRecords(open.get(0)).cancelClaimed(key, "instance-c", t -> Optional.of(data)))
                    .isTrue();
            waitUntil("the wake-up arrives", Duration.ofSeconds(10), () -> !notices.isEmpty());
            assertThat(notices).singleElement().isEqualTo(
                    new EventsNotice(key, Optional.of(new TaskEvent(3, TaskEvent.CANCELLED, data))));
        }
        assertThat(store.events().all(key)).extracting(TaskEvent::seq, TaskEvent::type, TaskEvent::data)
                .containsExactly(tuple(1L, "task", "{\"type\":\"task\"}"),
                        tuple(2L, "annotation", "{\"type\":\"annotation\"}"), tuple(3L, "cancelled", data));
        assertThat(EventsNotice.parse(key)).isEqualTo(new EventsNotice(key, Optional.empty()));
    }

    /**
     * The group commit's check reads a task's log only when its locked row says cancelled: a batch that waited for
     * the row lock of a cancel committing meanwhile must still see that cancel (the status as of the lock, the log
     * read after it) and leave out the task's events.
     */
    @Test
    void aBatchWaitingForTheRowLockOfACancelCommittingMeanwhileLeavesTheTaskOut() throws Exception {
        String key = "k:task-0002";
        store.tasks().insert(key, task("task-0002", TaskStatus.RUNNING, T0));
        store.writeBatch(new StoreBatch(List.of(event(key, 1, "task")), Map.of(), Map.of(), Map.of()));
        claim(key);
        PostgresCancelRecords cancels = new PostgresCancelRecords(open.get(0));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> cancel = threads.submit(() -> cancels.cancelClaimed(key, "instance-c", target -> {
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of("{\"type\":\"cancelled\"}");
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Set<String>> batch = threads.submit(() -> store.writeBatch(new StoreBatch(
                    List.of(event(key, 2, "annotation")), Map.of(key, task("task-0002", TaskStatus.RUNNING, T0)),
                    Map.of(), Map.of())));
            awaitWaitingForALock();
            release.countDown();
            assertThat(cancel.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(batch.get(10, TimeUnit.SECONDS)).containsExactly(key);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(store.events().all(key)).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(tuple(1L, "task"), tuple(2L, "cancelled"));
        assertThat(store.tasks().find(key).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    /** Until a backend of this database waits for a row lock (the batch behind the cancel). */
    private void awaitWaitingForALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        openOther(); // a pool of its own: the first one's two connections are both busy
        try (Connection c = open.get(open.size() - 1).dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the batch never waited for the cancel's row lock");
    }

    private static StoreBatch.PendingEvent event(String key, long seq, String type) {
        return new StoreBatch.PendingEvent(key, new TaskEvent(seq, type, "{\"type\":\"" + type + "\"}"));
    }

    private void claim(String key) throws Exception {
        try (Connection c = open.get(0).dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance,"
                     + " execution_time, picked, picked_by, version) VALUES ('annotate', ?, now(), true, 'instance-r', 1)")) {
            st.setString(1, key);
            st.executeUpdate();
        }
    }

    @Override
    protected void closeStore() {
        open.forEach(PostgresDatabase::close);
        open.clear();
    }
}
