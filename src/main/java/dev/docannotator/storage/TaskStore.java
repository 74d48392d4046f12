package dev.docannotator.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Task rows and their status, stored under a key: the task id scoped to its identity, {@code <user>:<task_id>}
 * (tasks stored before ids were scoped keep their bare id). A row's later changes arrive through
 * {@link Store#writeBatch}.
 */
public interface TaskStore {
    /** Stores a new task; throws {@link StorageException} when the key is taken. */
    void insert(String key, TaskView task);

    Optional<TaskView> find(String key);

    boolean exists(String key);

    /** The user's tasks, newest first (ties in insertion order, the later first). */
    List<TaskView> listByUser(String userId);

    /** Whether any task (in whatever status) refers to the document. */
    boolean refersTo(String documentId);

    /** Count of tasks per {@code "<status>|<pausable>"}, for the metrics. */
    Map<String, Integer> countByStatusAndPausable();

    /**
     * After a restart: tasks that were queued or running become interrupted. In the same transaction each of their
     * logs that does not already end with a terminal event gets a {@code shutdown} event, whose data line is
     * {@code shutdownData} applied to (key, locale tag). Returns how many tasks were marked.
     */
    int markUnfinishedInterrupted(Instant now, BiFunction<String, String, String> shutdownData);

    /** Keys of finished tasks last updated before {@code cutoff}, for retention. */
    List<String> finishedBefore(Instant cutoff);

    /** Deletes the tasks with their events, checkpoints, annotations and results. */
    void delete(List<String> keys);
}
