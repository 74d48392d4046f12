package dev.docannotator.tasks;

import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.StoreBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Stage;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The writer's failure paths, against a batch writer that fails on demand. */
class WriteBehindTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PersistenceHealth health = new PersistenceHealth(registry);
    private final List<Long> committedSeqs = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    /** What the next write throws; null = it succeeds. */
    private volatile Supplier<Throwable> failWith;
    private final WriteBehind writer = new WriteBehind(this::write, health, 50);

    private java.util.Set<String> write(StoreBatch batch) {
        attempts.incrementAndGet();
        Supplier<Throwable> failure = failWith;
        if (failure != null) {
            Throwable t = failure.get();
            if (t instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) t;
        }
        batch.events().forEach(e -> committedSeqs.add(e.event().seq()));
        return java.util.Set.of();
    }

    @AfterEach
    void close() {
        failWith = null;
        writer.close();
    }

    private static TaskView view(TaskStatus status) {
        Instant now = Instant.EPOCH;
        return new TaskView("task-0001", "user-1", "doc-00000001", "a.txt", DocumentFormat.TXT, "", "en", true,
                status, Stage.ANALYSE, 30, null, null, null, 0, now, now);
    }

    private EventLog log() {
        return new EventLog("task-0001", List.of(), false, writer.sink("task-0001"));
    }

    @Test
    void anOutOfMemoryErrorDuringAWriteNeitherStopsTheWriterNorLosesTheBatch() {
        failWith = () -> new OutOfMemoryError("Java heap space");
        EventLog log = log();
        log.append(new StreamEvent.Admitted(true, true));
        log.append(new StreamEvent.Progress(Stage.READ, 5, "Reading", null));
        waitUntil("the writer tried and failed twice (it keeps retrying)", Duration.ofSeconds(5), () -> attempts.get() >= 2);
        assertThat(health.state()).isEqualTo(PersistenceHealth.State.FAILING);
        assertThat(log.after(0).events()).as("nothing uncommitted is visible").isEmpty();

        failWith = null;
        // the events become visible once the write has returned, a moment after the batch writer saw them
        waitUntil("the batch was written and published after the failure", Duration.ofSeconds(10),
                () -> log.after(0).events().size() == 2);
        assertThat(committedSeqs).containsExactly(1L, 2L);
        assertThat(log.after(0).events()).extracting(TaskEvent::seq).containsExactly(1L, 2L);
        assertThat(health.ok()).isTrue();
        assertThat(registry.get("annotator_persistence_failures").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailedBatchGoesBackInFrontOfEventsQueuedMeanwhile() {
        failWith = () -> new StorageException("Database error: disk I/O error", new SQLException("disk I/O error"));
        EventLog log = log();
        log.append(new StreamEvent.Admitted(true, true));
        assertThatThrownBy(writer::flush).isInstanceOf(StorageException.class);
        log.append(new StreamEvent.Progress(Stage.READ, 5, "Reading", null));
        log.append(new StreamEvent.Failed("internal_error", "Something went wrong"));
        failWith = null;
        writer.flush();
        assertThat(committedSeqs).containsExactly(1L, 2L, 3L);
        assertThat(log.after(0).closed()).isTrue();
    }

    @Test
    @Tag("timing")
    void retriesBackOffInsteadOfHammeringTheDatabaseEvery100Ms() {
        failWith = () -> new StorageException("Database error: locked", new SQLException("locked"));
        log().append(new StreamEvent.Admitted(true, true));
        long started = System.nanoTime();
        waitUntil("five attempts", Duration.ofSeconds(10), () -> attempts.get() >= 5);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        // 100 + 200 + 400 + 800 ms of backoff between the first five attempts.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_400);
    }

    @Test
    void aFullDiskIsReportedAsSuchAndTheHealthRecoversWithTheNextWrite() {
        failWith = () -> new StorageException("Database error: [SQLITE_FULL] database or disk is full",
                new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"));
        log().append(new StreamEvent.Admitted(true, true));
        waitUntil("the writer reported a full disk", Duration.ofSeconds(5),
                () -> health.state() == PersistenceHealth.State.DISK_FULL);
        failWith = null;
        waitUntil("health back to ok", Duration.ofSeconds(10), health::ok);
        assertThat(registry.get("annotator_persistence_ok").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void newerTaskStateQueuedDuringAFailedWriteWinsOverTheRequeuedOne() {
        List<Map<String, TaskView>> written = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        WriteBehind local = new WriteBehind(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new StorageException("fails once", null);
            }
            written.add(Map.copyOf(batch.tasks()));
            return java.util.Set.of();
        }, new PersistenceHealth(new SimpleMeterRegistry()), 60_000);
        try {
            TaskView older = view(TaskStatus.RUNNING);
            TaskView newer = view(TaskStatus.COMPLETED);
            local.task("u:task-0001", older);
            assertThatThrownBy(local::flush).isInstanceOf(StorageException.class);
            local.task("u:task-0001", newer);
            local.flush();
            assertThat(written).singleElement().satisfies(tasks ->
                    assertThat(tasks.values()).extracting(TaskView::status).containsExactly(TaskStatus.COMPLETED));
        } finally {
            local.close();
        }
    }

    /**
     * Another instance answers from the committed row while a client follows the committed events: after every
     * batch, the row must say what the last event announced (a row lagging its event fails here). A second thread
     * keeps cutting batches while one task is admitted, progresses and is cancelled over and over.
     */
    @Test
    void aTasksRowIsCommittedWithTheEventThatAnnouncesItOrBefore() throws Exception {
        Map<String, TaskView> committedRows = new java.util.HashMap<>();
        List<String> lagging = new CopyOnWriteArrayList<>();
        WriteBehind local = new WriteBehind(batch -> {
            committedRows.putAll(batch.tasks());
            TaskEvent last = null;
            for (StoreBatch.PendingEvent pending : batch.events()) {
                last = pending.event();
            }
            if (last != null) {
                TaskView row = committedRows.get("u:task-0001");
                TaskStatus announced = switch (last.type()) {
                    case TaskEvent.CANCELLED -> TaskStatus.CANCELLED;
                    default -> TaskStatus.RUNNING;
                };
                if (row == null || row.status() != announced) {
                    lagging.add("event " + last.seq() + " (" + last.type() + ") committed with row "
                            + (row == null ? "none" : row.status()));
                }
            }
            return java.util.Set.of();
        }, new PersistenceHealth(new SimpleMeterRegistry()), 60_000);
        Task task = new Task(view(TaskStatus.QUEUED), new EventLog("task-0001", List.of(), false,
                local.sink("u:task-0001")), "u:task-0001");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread flusher = new Thread(() -> {
            while (!done.get()) {
                local.flush();
            }
        });
        flusher.start();
        try {
            for (int round = 0; round < 2_000; round++) {
                synchronized (task) {
                    task.status(TaskStatus.RUNNING, Instant.EPOCH);
                    task.announce(new StreamEvent.Admitted(true, true));
                }
                task.progress(Stage.ANALYSE, 50, "Analysing", Instant.EPOCH);
                task.announce(new StreamEvent.Progress(Stage.ANALYSE, 50, "Analysing", null));
                synchronized (task) {
                    task.status(TaskStatus.CANCELLED, Instant.EPOCH);
                    task.announce(new StreamEvent.Cancelled(Stage.ANALYSE, 50, "Paused", "at 50 %"));
                }
                task.log().reopen();
            }
        } finally {
            done.set(true);
            flusher.join();
            local.close();
        }
        assertThat(task.log().lastSeq()).isEqualTo(6_000);
        assertThat(lagging).isEmpty();
    }

    /**
     * Another instance answers {@code annotation_count} from the committed row while a client counts the committed
     * annotation events: no batch may commit an annotation event with a row that counts fewer (the event used to be
     * queued without the row, which followed on the next tick).
     */
    @Test
    void anAnnotationEventIsCommittedWithARowThatCountsIt() throws Exception {
        java.util.concurrent.atomic.AtomicInteger committedRowCount = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger committedEvents = new java.util.concurrent.atomic.AtomicInteger();
        List<String> lagging = new CopyOnWriteArrayList<>();
        WriteBehind local = new WriteBehind(batch -> {
            TaskView row = batch.tasks().get("u:task-0001");
            if (row != null) {
                committedRowCount.set(row.annotationCount());
            }
            for (StoreBatch.PendingEvent pending : batch.events()) {
                if (TaskEvent.ANNOTATION.equals(pending.event().type())) {
                    committedEvents.incrementAndGet();
                }
            }
            if (committedRowCount.get() < committedEvents.get()) {
                lagging.add(committedEvents.get() + " annotations committed with a row counting " + committedRowCount.get());
            }
            return java.util.Set.of();
        }, new PersistenceHealth(new SimpleMeterRegistry()), 60_000);
        Task task = new Task(view(TaskStatus.RUNNING), new EventLog("task-0001", List.of(), false,
                local.sink("u:task-0001")), "u:task-0001");
        try {
            for (int i = 1; i <= 50; i++) {
                TaskWorker.sendAnnotation(task, new dev.docannotator.analysis.Annotation("a" + i, i, i + 4, "TODO", null,
                        1, "todo_markers", "warning", "Resolve it.", null, "todo"));
                local.flush();
            }
        } finally {
            local.close();
        }
        assertThat(committedEvents.get()).isEqualTo(50);
        assertThat(lagging).isEmpty();
    }

    /**
     * Several instances: a batch left out because another instance ended the task's log, and an event the task
     * numbered meanwhile (queued after that batch was cut): the stored log replaces the undurable tail, and the event
     * still queued is never written (it was numbered on the replaced tail, and would land after {@code cancelled}).
     */
    @Test
    void eventsNumberedBeforeAnotherInstanceEndedTheLogAreNeverWritten() {
        List<Long> written = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        EventLog[] log = new EventLog[1];
        WriteBehind local = new WriteBehind(batch -> {
            if (calls.incrementAndGet() == 2) {
                log[0].append(new StreamEvent.Progress(Stage.ANALYSE, 40, "Analysing", null)); // queued meanwhile
                return java.util.Set.of("u:task-0001");
            }
            batch.events().forEach(e -> written.add(e.event().seq()));
            return java.util.Set.of();
        }, new PersistenceHealth(new SimpleMeterRegistry()), 60_000);
        TaskEvent stored = new TaskEvent(2, TaskEvent.CANCELLED, "{\"type\":\"cancelled\"}");
        local.onEndedElsewhere(key -> log[0].endedElsewhere(List.of(stored)));
        log[0] = new EventLog("task-0001", List.of(), false, local.sink("u:task-0001"));
        try {
            log[0].append(new StreamEvent.Admitted(true, true));
            local.flush();
            log[0].append(new StreamEvent.Progress(Stage.ANALYSE, 30, "Analysing", null));
            local.flush(); // left out: the stored log ends in cancelled at 2
            local.flush();
        } finally {
            local.close();
        }
        assertThat(written).containsExactly(1L);
        assertThat(log[0].after(0).events()).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "task"),
                        org.assertj.core.groups.Tuple.tuple(2L, "cancelled"));
    }
}
