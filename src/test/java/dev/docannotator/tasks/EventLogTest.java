package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.TaskEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final StreamEvent ADMITTED = new StreamEvent.Admitted(false, true);
    private static final StreamEvent PROGRESS = new StreamEvent.Progress(Stage.ANALYSE, 40, "Analysing", "page 2");
    private final List<TaskEvent> persisted = new CopyOnWriteArrayList<>();
    private final EventLog log = new EventLog("task-0001", List.of(), false, (l, e, row) -> {
        persisted.add(e);
        l.durable(e.seq());
    });

    @Test
    void assignsConsecutiveSequenceNumbersAndWritesOneLineJsonWithTypeAndTaskId() {
        TaskEvent first = log.append(new StreamEvent.Admitted(true, false));
        TaskEvent second = log.append(new StreamEvent.Progress(Stage.READ, 5, "line one\nline two", null));
        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(first.data()).isEqualTo("{\"type\":\"task\",\"task_id\":\"task-0001\",\"status\":\"running\",\"pausable\":false}");
        assertThat(second.data()).doesNotContain("\n").contains("line one\\nline two");
        assertThat(persisted).containsExactly(first, second);
    }

    @Test
    void aTerminalEventClosesTheLogAndLaterEventsAreDroppedUntilItIsReopened() {
        log.append(ADMITTED);
        log.append(new StreamEvent.Cancelled(Stage.READ, 5, "Paused", "at 5 %"));
        assertThat(log.closed()).isTrue();
        assertThat(log.append(PROGRESS)).isNull();
        assertThat(log.lastSeq()).isEqualTo(2);
        log.reopen();
        assertThat(log.append(ADMITTED).seq()).isEqualTo(3);
        assertThat(persisted).hasSize(3);
    }

    @Test
    void aWaitingReaderWakesUpOnTheNextEvent() throws Exception {
        log.append(ADMITTED);
        CompletableFuture<EventLog.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.await(1, 10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        log.append(PROGRESS);
        EventLog.Batch batch = waiting.get(5, TimeUnit.SECONDS);
        assertThat(batch.events()).extracting(TaskEvent::seq).containsExactly(2L);
        assertThat(batch.closed()).isFalse();
    }

    @Test
    void awaitReturnsEmptyWhenNothingHappensAndReportsAClosedLog() throws Exception {
        assertThat(log.await(0, 20).events()).isEmpty();
        log.append(new StreamEvent.Failed("internal_error", "Something went wrong"));
        EventLog.Batch after = log.await(1, 10_000);
        assertThat(after.events()).isEmpty();
        assertThat(after.closed()).isTrue();
    }

    @Test
    void aLogContinuesItsHistoryAndCountsAnnotationsSent() {
        EventLog restored = new EventLog("task-0001", List.of(new TaskEvent(1, "task", "{}"),
                new TaskEvent(2, "annotation", "{}"), new TaskEvent(3, "shutdown", "{}")), true, (l, e, row) -> { });
        assertThat(restored.annotationEvents()).isEqualTo(1);
        assertThat(restored.after(1).events()).extracting(TaskEvent::seq).containsExactly(2L, 3L);
        restored.reopen();
        assertThat(restored.append(ADMITTED).seq()).isEqualTo(4);
    }

    @Test
    void anEventIsInvisibleToReadersUntilItsSinkSaysItIsCommitted() throws Exception {
        List<TaskEvent> uncommitted = new CopyOnWriteArrayList<>();
        EventLog gated = new EventLog("task-0002", List.of(), false, (l, e, row) -> uncommitted.add(e));
        gated.append(ADMITTED);
        gated.append(new StreamEvent.Failed("internal_error", "Something went wrong"));
        assertThat(gated.after(0).events()).isEmpty();
        // Closed, but a reader must not end before it has seen the terminal event.
        assertThat(gated.await(0, 20).closed()).isFalse();
        gated.durable(1);
        assertThat(gated.after(0).events()).extracting(TaskEvent::seq).containsExactly(1L);
        assertThat(gated.after(0).closed()).isFalse();
        gated.durable(2);
        EventLog.Batch all = gated.after(0);
        assertThat(all.events()).extracting(TaskEvent::seq).containsExactly(1L, 2L);
        assertThat(all.closed()).isTrue();
    }

    /**
     * Several instances: the instance running the task numbered events past what it committed when another instance
     * ended the log (a cancel it accepted): those are dropped, the stored {@code cancelled} takes their place and
     * readers see the log end with it.
     */
    @Test
    void aLogEndedElsewhereDropsWhatWasNotCommittedAndEndsWithTheStoredEvent() {
        List<TaskEvent> queued = new CopyOnWriteArrayList<>();
        EventLog running = new EventLog("task-0001", List.of(), false, (l, e, row) -> queued.add(e));
        running.append(ADMITTED);
        running.append(PROGRESS);
        running.durable(2);
        running.append(PROGRESS);
        running.append(PROGRESS);
        TaskEvent stored = new TaskEvent(3, TaskEvent.CANCELLED, "{\"type\":\"cancelled\"}");

        running.endedElsewhere(List.of(stored));

        assertThat(running.lastSeq()).isEqualTo(3);
        assertThat(running.closed()).isTrue();
        EventLog.Batch read = running.after(0);
        assertThat(read.events()).extracting(TaskEvent::type).containsExactly("task", "progress", "cancelled");
        assertThat(read.closed()).isTrue();
        assertThat(running.append(PROGRESS)).as("ended: nothing more is numbered").isNull();
    }

    /**
     * The {@code cancelled} carried in a cancel's wake-up ends the running copy's log at once, right after the events
     * stored before it, even when this log was not yet told that all of them are committed (a group commit that took
     * the row lock just before the cancel): they stay, what was numbered after them goes and is not written. One that
     * is not an end, or that more events went before than this log holds, changes nothing (the group commit takes the
     * stored log then).
     */
    @Test
    void aLogIsEndedByACarriedEventRightAfterTheEventsStoredBeforeIt() {
        EventLog running = new EventLog("task-0001", List.of(), false, (l, e, row) -> { });
        running.append(ADMITTED);
        running.append(PROGRESS);
        running.append(PROGRESS);
        running.append(PROGRESS);
        running.durable(1);
        long generation = running.generation();

        assertThat(running.endedElsewhereBy(new TaskEvent(2, TaskEvent.PROGRESS, "{\"type\":\"progress\"}")))
                .as("not an end").isFalse();
        assertThat(running.endedElsewhereBy(new TaskEvent(6, TaskEvent.CANCELLED, "{\"type\":\"cancelled\"}")))
                .as("seq 5 was never numbered here").isFalse();
        assertThat(running.closed()).isFalse();
        assertThat(running.lastSeq()).isEqualTo(4);

        assertThat(running.endedElsewhereBy(new TaskEvent(3, TaskEvent.CANCELLED, "{\"type\":\"cancelled\"}")))
                .as("seq 2 was stored before it, though this log was not told yet").isTrue();
        running.durable(2); // the group commit that stored seq 2 returns only now
        EventLog.Batch read = running.after(0);
        assertThat(read.events()).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(tuple(1L, "task"), tuple(2L, "progress"), tuple(3L, "cancelled"));
        assertThat(read.closed()).isTrue();
        assertThat(running.generation()).as("seq 4, still queued, is not written").isGreaterThan(generation);
        assertThat(running.append(PROGRESS)).isNull();
    }
}
