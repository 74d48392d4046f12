package dev.docannotator.storage;

import java.util.Optional;

/**
 * The payload of a {@code NOTIFY} on {@link ClusterChannels#EVENTS}: the key of a task whose log grew, and, when the
 * transaction appended one small event that the instances streaming the task should show at once (a cancel's
 * {@code cancelled}), that event too, so that they need not read it back before their stream can show it. Laid out as
 * {@code <key>} or {@code <key>\n<seq>\n<type>\n<data>}: keys, types and data lines have no line breaks.
 */
public record EventsNotice(String taskKey, Optional<TaskEvent> event) {

    private static final char SEPARATOR = '\n';

    /** What goes before the event's seq in a payload that carries it (the seq is known only to the database). */
    public static String beforeSeq(String taskKey) {
        return taskKey + SEPARATOR;
    }

    /** What goes after the event's seq in a payload that carries it. */
    public static String afterSeq(String type, String data) {
        return SEPARATOR + type + SEPARATOR + data;
    }

    /** The notice a payload says; a payload that is not a well-formed event is a key alone (only a wake-up). */
    public static EventsNotice parse(String payload) {
        String[] parts = payload.split(String.valueOf(SEPARATOR), 4);
        if (parts.length == 4) {
            try {
                return new EventsNotice(parts[0], Optional.of(new TaskEvent(Long.parseLong(parts[1]), parts[2], parts[3])));
            } catch (NumberFormatException notAnEvent) {
                // fall through: treated as a wake-up
            }
        }
        return new EventsNotice(parts[0], Optional.empty());
    }
}
