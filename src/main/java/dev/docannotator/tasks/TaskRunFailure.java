package dev.docannotator.tasks;

/**
 * A run ended without a result for a reason already put into words for the task's reader: the task fails with
 * {@code code} and this message. {@code retryable}: the cause was the process running the document (a crash),
 * not the document itself, so one more attempt from the last checkpoint may succeed.
 */
public final class TaskRunFailure extends RuntimeException {
    private final String code;
    private final boolean retryable;

    public TaskRunFailure(String code, String message, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
