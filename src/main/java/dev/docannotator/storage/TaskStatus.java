package dev.docannotator.storage;

import java.util.Locale;

/** The life cycle of a task as the API names it. */
public enum TaskStatus {
    QUEUED, RUNNING, CANCELLED, COMPLETED, FAILED, INTERRUPTED;

    /** The API name, e.g. "queued". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Queued or running: holds a place in the scheduler and counts against the per-user limit. */
    public boolean unfinished() {
        return this == QUEUED || this == RUNNING;
    }

    /** Stopped with a checkpoint and can continue. */
    public boolean resumable() {
        return this == CANCELLED || this == INTERRUPTED;
    }

    public static TaskStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
