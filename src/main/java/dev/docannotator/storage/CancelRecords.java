package dev.docannotator.storage;

import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.TaskStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shared database's side of cancels across instances ({@code tasks.ClusterCancels}; implemented by
 * {@code storage.postgres}): requests kept in a table until the run stopped, announced to the running instance at
 * commit. A user's cancel sent to another instance than the one running the task ends the task's log there
 * ({@link #cancelClaimed}), so that the streams learn of it without waiting for the running instance to wake up
 * and commit behind its group commit in flight.
 */
public interface CancelRecords {

    /** The stored state of the task a cancel looks at. */
    record Target(String taskId, TaskStatus status, boolean pausable, Stage stage, int progress, String locale) {
    }

    /**
     * In one transaction, with the task's row locked against the running instance's group commit (which checks the
     * same lock, and leaves out what it holds of a log ended meanwhile): when an instance has claimed the task,
     * {@code decide} looks at its stored state and returns the data line of the {@code cancelled} event to append,
     * or empty to write no event (cancelled already), or throws to refuse (nothing is written). The event goes after
     * the last stored one, the task's row says cancelled, the cancel request is recorded for the running instance,
     * and that instance and every instance streaming the task are woken when it commits. False, writing nothing,
     * when no instance has claimed the task (it waits in the line, or runs nowhere).
     */
    default boolean cancelClaimed(String taskKey, String byInstance, Function<Target, Optional<String>> decide) {
        return cancelClaimed(new CancelRequest(taskKey, false), byInstance, decide);
    }

    /**
     * {@link #cancelClaimed(String, String, Function)} for a user's cancel or one because nobody follows the task any
     * more ({@link CancelRequest#abandoned}), recorded and announced as such. Also taken by the instance that runs the
     * task itself: its {@code cancelled} then goes after what it committed, not behind what it still holds.
     */
    boolean cancelClaimed(CancelRequest request, String byInstance, Function<Target, Optional<String>> decide);

    /** Records the cancel (kept if one is recorded already) and wakes the instance running its task, at commit. */
    void request(CancelRequest request, String byInstance);

    /** The recorded cancels of the tasks under {@code keys}. */
    List<CancelRequest> pending(Collection<String> keys);

    /** Forgets the cancel of the task: its run has stopped, or it is resumed. */
    void clear(String taskKey);

    /**
     * Takes the first-use costs of the cancel path off the first real cancel: each of {@code connections} pooled
     * connections (held at once, so each is a different one) opens the tables a cancel reads, whose catalog entries
     * PostgreSQL loads into a connection's backend the first time it uses them. Failures are ignored.
     */
    void warmUp(int connections, String taskKey);
}
