package dev.docannotator.tasks;

/**
 * The process running a task is being stopped by an operator: the task stops between two steps as in a graceful
 * shutdown (final checkpoint, {@code interrupted}, resumable).
 */
public final class TaskRunStopped extends RuntimeException {
    public TaskRunStopped(String message) {
        super(message, null, false, false);
    }
}
