package dev.docannotator.storage;

import java.util.Set;

/**
 * One event of a task's stream: its sequence number, its type and its data as one line of JSON
 * (always with "type" and "task_id").
 */
public record TaskEvent(long seq, String type, String data) {
    public static final String TASK = "task";
    public static final String PROGRESS = "progress";
    public static final String ANNOTATION = "annotation";
    public static final String RESULT = "result";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";
    public static final String SHUTDOWN = "shutdown";

    private static final Set<String> TERMINAL = Set.of(RESULT, CANCELLED, ERROR, SHUTDOWN);

    /** After a terminal event the server closes the stream. */
    public boolean terminal() {
        return isTerminal(type);
    }

    public static boolean isTerminal(String type) {
        return TERMINAL.contains(type);
    }
}
