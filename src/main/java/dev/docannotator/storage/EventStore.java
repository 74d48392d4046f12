package dev.docannotator.storage;

import java.util.List;

/** The stream events of each task, numbered 1, 2, ... per task; appended through {@link Store#writeBatch}. */
public interface EventStore {
    /** The task's events with a seq greater than {@code afterSeq}, in order. */
    List<TaskEvent> after(String key, long afterSeq);

    /** The task's whole log. */
    default List<TaskEvent> all(String key) {
        return after(key, 0);
    }
}
