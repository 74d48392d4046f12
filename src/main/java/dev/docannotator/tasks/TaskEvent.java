package dev.docannotator.tasks;

import dev.docannotator.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** An event's data line as every stored event has it: type and task_id first, then {@code fields}. */
    static String dataLine(String type, String taskId, Map<String, ?> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("task_id", taskId);
        data.putAll(fields);
        return Json.write(data);
    }

    /** The fields of a resumable {@code shutdown} event, besides type and task_id. */
    static Map<String, Object> shutdownFields(String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", message);
        fields.put("resumable", true);
        return fields;
    }
}
