package dev.docannotator.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * db-scheduler's executions of the {@code annotate} task as {@code tasks.ClusterScheduler} reads and changes them beside
 * the library, on the same table (implemented by {@code storage.postgres}). A row is a task waiting in the
 * cluster's line, or running on the instance that picked it.
 */
public interface ClaimRecords {

    /** What {@link #reserve} decided; {@code position} among the waiting ones (1 = next) when reserved. */
    record Reservation(Outcome outcome, int position) {
        public enum Outcome { RESERVED, SCHEDULED_ALREADY, USER_LIMIT, QUEUE_FULL }

        public static Reservation refused(Outcome why) {
            return new Reservation(why, 0);
        }
    }

    /**
     * Under one lock for every admission in the cluster: refuses the task when {@code userId} has
     * {@code perUserLimit} executions already or the waiting line holds {@code queueCapacity} per live instance;
     * else inserts its execution, due at {@code dueAt} (unless it has one already).
     */
    Reservation reserve(String taskKey, String userId, int perUserLimit, int queueCapacity, Instant dueAt);

    /** Makes a waiting execution due now and wakes every instance to claim it (at commit). */
    void release(String taskKey);

    /** Deletes the execution with {@code version} (a run that ended here) and wakes whoever waits for that. */
    void finish(String taskKey, long version);

    /** Deletes the execution unless an instance picked it; false when it was picked (or is gone). */
    boolean removeWaiting(String taskKey);

    /** The instance that picked the task's execution, if one did. */
    Optional<String> runningOn(String taskKey);

    /** Executions waiting in the whole cluster. */
    int queueDepth();
}
