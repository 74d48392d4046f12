package dev.docannotator.tasks;

import dev.docannotator.common.Messages;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskStatus;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pause and continue: a cancel tells the task's stream at once and its worker stops at its next step (resumable);
 * a resume waits for that worker, then admits the task again from its checkpoint.
 */
final class CancelAndResume {
    private static final Logger LOG = LoggerFactory.getLogger(CancelAndResume.class);

    private final Store store;
    private final WriteBehind writer;
    private final LiveTasks live;
    private final Placement placement;
    private final Admission admission;
    private final Clock clock;

    CancelAndResume(Store store, WriteBehind writer, LiveTasks live, Placement placement, Admission admission,
                    Clock clock) {
        this.store = store;
        this.writer = writer;
        this.live = live;
        this.placement = placement;
        this.admission = admission;
        this.clock = clock;
    }

    /**
     * Cancels the caller's task: the stream is told at once, the worker stops at its next step. Idempotent.
     * {@code requestedNanos} is when the request arrived ({@link System#nanoTime()}), where cancel latency starts.
     */
    void cancel(String userId, String taskId, Locale locale, long requestedNanos) {
        if (placement.cancelClaimedRun(userId, taskId, locale)) {
            return;
        }
        Task task = live.owned(userId, taskId, locale);
        if (!task.pausable()) {
            throw new TaskException(TaskException.Reason.FEATURE_DISABLED, Texts.of(locale, "feature.pausable_off"));
        }
        placement.cancel(task, locale, requestedNanos);
    }

    /**
     * Cancels a queued or running task that this instance holds (resumable); {@code userLocale} is null when no
     * client follows it any more. The status is decided under the task's monitor, so that a task completing meanwhile
     * is never answered "cancelled": a user's cancel of a completed or failed task is a 409. Takes the task out of the
     * waiting line first, outside the task's monitor, because the scheduler's lock is always taken before a task's.
     */
    void cancelHere(Task task, Locale userLocale, long requestedNanos) {
        boolean byUser = userLocale != null;
        boolean wasWaiting = placement.takeOutOfLine(task);
        synchronized (task) {
            TaskStatus status = task.status();
            if (byUser && (status == TaskStatus.COMPLETED || status == TaskStatus.FAILED)) {
                throw TaskException.conflict(Texts.of(userLocale, "task.cancel_finished", status.id()));
            }
            if (status == TaskStatus.INTERRUPTED) {
                task.status(TaskStatus.CANCELLED, clock.instant());
                writer.task(task);
                return;
            }
            if (!status.unfinished()) {
                return;
            }
            task.requestStop(requestedNanos);
            task.status(TaskStatus.CANCELLED, clock.instant());
            task.announce(cancelledEvent(task.messages(), task.stage(), task.progress(), byUser));
            if (wasWaiting) {
                LOG.debug("Task {} cancelled while waiting", task.id());
            }
        }
    }

    /** The {@code cancelled} event of a task stopped at {@code stage} (a finished run: at its last step). */
    static StreamEvent.Cancelled cancelledEvent(Messages messages, Stage at, int progress, boolean byUser) {
        Stage stage = at == Stage.DONE ? Stage.APPLY : at;
        return new StreamEvent.Cancelled(stage, progress, messages.get(byUser ? "cancelled.message" : "cancelled.abandoned"),
                messages.get("cancelled.detail", messages.get("stage." + stage.id()), progress));
    }

    /** Continues a cancelled or interrupted task from its checkpoint; returns the seq the new stream follows. */
    long resume(String userId, String taskId, Locale locale) {
        // Pinned from the moment it is found: a resting task could otherwise be evicted by housekeeping while
        // this waits for the old worker and reads the checkpoint, and the next request would load a second
        // Task for the same id (two logs diverging). Once admitted it is unfinished, so it is not evicted.
        Task task = live.owned(userId, taskId, locale, true);
        try {
            placement.awaitNoRun(task, locale);
            if (!task.status().resumable()) {
                throw TaskException.conflict(Texts.of(locale, "task.not_resumable", task.status().id()));
            }
            awaitWorker(task, locale);
            writer.flush();
            Checkpoint checkpoint = store.checkpoints().load(task.key()).orElse(Checkpoint.start());
            long cursor = task.log().lastSeq();
            admission.admit(task, locale, () -> {
                if (!task.status().resumable()) {
                    throw TaskException.conflict(Texts.of(locale, "task.not_resumable", task.status().id()));
                }
                task.log().reopen();
            }, checkpoint);
            return cursor;
        } finally {
            task.unpin();
        }
    }

    /** Waits for the worker of the cancelled run to finish its step and checkpoint (steps are short). */
    private static void awaitWorker(Task task, Locale locale) {
        try {
            task.worker().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskException.conflict(Texts.of(locale, "task.still_stopping"));
        } catch (TimeoutException | ExecutionException e) {
            throw TaskException.conflict(Texts.of(locale, "task.still_stopping"));
        }
    }
}
