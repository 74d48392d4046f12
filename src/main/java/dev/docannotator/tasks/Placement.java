package dev.docannotator.tasks;

import dev.docannotator.storage.Store;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where tasks run and how they are admitted, cancelled and followed: on this instance alone ({@link LocalPlacement}),
 * or on whichever of several instances sharing one PostgreSQL database claims them ({@link ClusterPlacement}).
 * The rest of the service is the same for both.
 */
interface Placement extends AutoCloseable {

    /** What a placement works with, handed over once the service has built its parts. */
    record Parts(Store store, WriteBehind writer, LiveTasks live, TaskWorker worker, Admission admission,
                 CancelAndResume cancels, Clock clock) {
    }

    /** The store as this placement needs it (several instances: it announces what each commit changed). */
    Store store(Store store);

    /** Starts placing tasks (and recovers what a previous run of this instance left). */
    void start(Parts parts);

    /** Admits the task to run (now or later), announcing it through {@code announcer}; or throws {@link Scheduler.RefusedException}. */
    void admit(Task task, Scheduler.Announcer announcer);

    /** Whether this instance runs (or holds the waiting line of) the task, so that its copy here is the truth. */
    boolean runsHere(Task task);

    /** Takes the task out of this instance's waiting line; false when it was not waiting there. */
    boolean takeOutOfLine(Task task);

    /**
     * Before the task is loaded here: cancels it when an instance (this one or another) runs it, from its stored row
     * alone (the cancel then travels to the running instance); false when the caller must load the task and
     * {@link #cancel} it.
     */
    default boolean cancelClaimedRun(String userId, String taskId, Locale locale) {
        return false;
    }

    /** Cancels the caller's task wherever it runs (one this instance runs through {@link CancelAndResume#cancelHere}). */
    void cancel(Task task, Locale locale, long requestedNanos);

    /** Before a resume: waits until no run of the task is left anywhere and takes its stored state. */
    void awaitNoRun(Task task, Locale locale);

    /** Who judges the disconnect grace of this instance's streams (after {@link #start}); {@code timers} are the service's. */
    DisconnectGrace disconnectGrace(ScheduledExecutorService timers);

    /** Brings this instance's copy of the task up to date (a stream attaches to it). */
    void follow(Task task);

    boolean accepting();

    /**
     * Whether a new task's row may be committed with its {@code task} event (one group commit) instead of before it
     * is admitted: on one instance nothing reads the row before that event announces the task. Several instances
     * reserve a task in the database, which needs its row first.
     */
    default boolean newRowWithFirstEvent() {
        return false;
    }

    /** Tasks waiting to run. */
    int queueDepth();

    /** Tasks this instance runs now. */
    int runningCount();

    /** Refuses new tasks from now on. */
    void stopAdmitting();

    /** Waits up to {@code millis} for this instance's runs (told to stop) to return. */
    void awaitRuns(long millis);

    @Override
    void close();
}
