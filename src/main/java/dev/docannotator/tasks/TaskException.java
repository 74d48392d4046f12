package dev.docannotator.tasks;

/**
 * Why the task service refused a request, with one human sentence in the caller's language. The HTTP layer maps
 * each reason to its status in one place; nothing here knows about HTTP. A reason the client may simply retry
 * carries the seconds to wait first (0 when waiting would not help).
 */
public final class TaskException extends RuntimeException {
    /** The kinds of refusal. */
    public enum Reason {
        /** Unknown, or another identity's. */
        NOT_FOUND,
        /** The task's state does not allow it (taken id, finished, not resumable, still stopping). */
        CONFLICT,
        /** The feature is off for this identity. */
        FEATURE_DISABLED,
        /** The identity holds too many unfinished tasks. */
        USER_LIMIT,
        /** The queue is full or the server is stopping. */
        BUSY,
        /** Task state cannot be written right now. */
        STORAGE_FAILING,
        /** The disk is full. */
        STORAGE_FULL
    }

    private final Reason reason;
    private final int retryAfterSeconds;

    public TaskException(Reason reason, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public TaskException(Reason reason, String message) {
        this(reason, message, 0);
    }

    public Reason reason() {
        return reason;
    }

    /** Seconds to wait before trying again; 0 when retrying would not help. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static TaskException notFound(String message) {
        return new TaskException(Reason.NOT_FOUND, message);
    }

    static TaskException conflict(String message) {
        return new TaskException(Reason.CONFLICT, message);
    }
}
