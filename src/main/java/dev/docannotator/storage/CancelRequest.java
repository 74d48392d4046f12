package dev.docannotator.storage;

/**
 * A cancel of the task with {@code taskKey} recorded in the shared database: asked by its user, or {@code abandoned}
 * by every client (the disconnect grace ran out).
 */
public record CancelRequest(String taskKey, boolean abandoned) {

    /** Marks the payload of a cancel because nobody follows the task any more; task keys have no spaces. */
    private static final String ABANDONED = "abandoned ";

    /** The NOTIFY payload: the key, after a marker when abandoned. */
    public String payload() {
        return abandoned ? ABANDONED + taskKey : taskKey;
    }

    public static CancelRequest fromPayload(String payload) {
        return payload.startsWith(ABANDONED)
                ? new CancelRequest(payload.substring(ABANDONED.length()), true) : new CancelRequest(payload, false);
    }
}
