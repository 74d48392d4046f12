package dev.docannotator.cli;

/** One server-sent event as read off the wire: id (may be null), event type and data. */
public record SseEvent(String id, String event, String data) {
}
