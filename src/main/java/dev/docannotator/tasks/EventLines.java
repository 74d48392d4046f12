package dev.docannotator.tasks;

import dev.docannotator.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The data lines of stream events as every stored event has them. */
final class EventLines {
    private EventLines() {
    }

    /** An event's data line: type and task_id first, then {@code fields}. */
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
