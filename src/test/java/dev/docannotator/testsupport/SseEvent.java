package dev.docannotator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;

/** One server-sent event as a client sees it: id, event type and its parsed JSON data. */
public record SseEvent(long id, String type, String rawData) {
    public JsonNode data() {
        try {
            return Json.mapper().readTree(rawData);
        } catch (Exception e) {
            throw new AssertionError("Event data is not JSON: " + rawData, e);
        }
    }

    public boolean terminal() {
        return switch (type) {
            case "result", "cancelled", "error", "shutdown" -> true;
            default -> false;
        };
    }
}
