package dev.docannotator.tasks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.docannotator.storage.ClaimRecords;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.postgres.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claiming and fail-over across instances, on db-scheduler: a queued task is a one-time execution ('annotate',
 * instance id = the task's key) in the shared database; whichever instance has a free worker claims it
 * ({@code SELECT … FOR UPDATE SKIP LOCKED}) and runs it, heartbeating every {@link #HEARTBEAT}. An instance that
 * misses {@link #MISSED_HEARTBEATS} heartbeats is dead: its executions are revived and claimed by another
 * instance, which continues the task from its checkpoint. Admission (queue bound, per-user limit) is decided in the
 * database under one advisory lock, so the limits hold across instances. db-scheduler cannot stop a running
 * execution: cancel stays our own flag, carried by {@link ClusterCancels}.
 */
public final class ClusterScheduler implements AutoCloseable {

    /** db-scheduler's heartbeat: every 1 s; dead after 4 missed ones (4 s, its smallest limit), checked every 2 s. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    public static final int MISSED_HEARTBEATS = 4;
    /** The fallback poll for due executions; a NOTIFY on {@link ClusterChannels#QUEUE} wakes every instance at once. */
    public static final Duration POLLING = Duration.ofSeconds(1);
    /** How long {@link #awaitRunEnded} waits at most for a wake-up: a lost notification costs no more. */
    private static final Duration RUN_ENDED_FALLBACK = Duration.ofSeconds(1);
    /** A reservation that its instance never released (it died in between) becomes due after this. */
    private static final Duration RESERVED_FOR = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterScheduler.class);

    /** Runs one claimed task to the end of this run (completed, failed, cancelled or interrupted); blocks. */
    @FunctionalInterface
    public interface Runner {
        void run(String taskKey);
    }

    private final ClaimRecords records;
    private final int workers;
    private final int queueCapacity;
    private final int perUserLimit;
    private final Scheduler scheduler;
    private final CustomTask<Void> annotate;
    /** The tasks this instance runs, each with the version of its execution row as claimed. */
    private final Map<String, Long> claims = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;
    /** Counts the run-ended wake-ups (any task): a waiter sleeps until it moves, then looks at its own task. */
    private final Object runEnds = new Object();
    private long runEndsSeen;

    /** {@code pool} is db-scheduler's (its own SQL); {@code records} is ours on the same table. */
    public ClusterScheduler(DataSource pool, ClaimRecords records, Notifications notifications, String instanceId,
                            int workers, int queueCapacity, int perUserLimit, Runner runner) {
        this.records = records;
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.perUserLimit = perUserLimit;
        this.annotate = Tasks.custom(ClusterChannels.SCHEDULED_TASK, Void.class)
                // A run that throws has already recorded the task as failed, and its row is gone (see below): never
                // retry it behind the user's back.
                .onFailure((complete, operations) -> { })
                .execute((instance, context) -> {
                    String key = instance.getId();
                    claims.put(key, context.getExecution().version);
                    try {
                        runner.run(key);
                    } finally {
                        finish(key); // unless the runner did
                    }
                    return (complete, operations) -> { }; // the row is already gone: nothing for db-scheduler to remove
                });
        this.scheduler = Scheduler.create(pool, annotate)
                .schedulerName(new SchedulerName.Fixed(instanceId))
                .threads(workers)
                .pollingInterval(POLLING)
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        notifications.subscribe(ClusterChannels.QUEUE, payload -> scheduler.triggerCheckForDueExecutions());
        notifications.subscribe(ClusterChannels.RUN_ENDED, payload -> runEnded()); // also after a reconnection: look again
    }

    /** How long a dead instance's task waits before another instance may take it (heartbeat × missed limit). */
    public static Duration deadAfter() {
        return HEARTBEAT.multipliedBy(MISSED_HEARTBEATS);
    }

    public void start() {
        scheduler.start();
    }

    /**
     * Admits the task cluster-wide: refused when the user already has {@code perUserLimit} unfinished tasks in any
     * instance, or when the cluster's waiting line is full ({@code queueCapacity} per live instance). Returns the
     * task's position among the waiting ones (1 = next). The caller has written the task's row and first event.
     */
    int admit(String taskKey, String userId) {
        int position = reserve(taskKey, userId);
        release(taskKey);
        return position;
    }

    /**
     * Admits the task (see {@link #admit}) but not yet due: no instance claims it until {@link #release}, so the
     * caller can write its first events before any instance may run it. It counts against the limits at once.
     * Returns 0 when the task is scheduled already (queued or running somewhere: a second resume, say).
     */
    int reserve(String taskKey, String userId) {
        if (!accepting) {
            throw new dev.docannotator.tasks.Scheduler.RefusedException(dev.docannotator.tasks.Scheduler.Refusal.SHUTTING_DOWN);
        }
        ClaimRecords.Reservation reservation = records.reserve(taskKey, userId, perUserLimit, queueCapacity,
                Instant.now().plus(RESERVED_FOR));
        return switch (reservation.outcome()) {
            case RESERVED -> reservation.position();
            case SCHEDULED_ALREADY -> 0;
            case USER_LIMIT -> throw new dev.docannotator.tasks.Scheduler.RefusedException(
                    dev.docannotator.tasks.Scheduler.Refusal.USER_LIMIT);
            case QUEUE_FULL -> throw new dev.docannotator.tasks.Scheduler.RefusedException(
                    dev.docannotator.tasks.Scheduler.Refusal.QUEUE_FULL);
        };
    }

    /** Makes a reserved task due now and wakes every instance to claim it. */
    void release(String taskKey) {
        records.release(taskKey);
        scheduler.triggerCheckForDueExecutions();
    }

    /**
     * Ends this instance's claim on a task whose run here has ended: deletes its execution row. The runner calls it
     * once the run's writes are in the tables and before it tells anyone that the run ended, so that a resume on
     * any instance right after (a cancel, then a resume) finds no row in its way. Done here rather than by
     * db-scheduler, which deletes the row only after our handler returned, a moment too late. Idempotent.
     */
    void finish(String taskKey) {
        Long version = claims.remove(taskKey);
        if (version == null) {
            return;
        }
        try {
            records.finish(taskKey, version);
        } catch (RuntimeException e) {
            // Left picked, without heartbeats once the handler returned: revived as dead after deadAfter(), and its
            // next run finds the task no longer running and ends at once.
            LOG.warn("Cannot remove the finished run of {}: {}", taskKey, e.getMessage());
        }
    }

    /** Gives a reservation back (the task was not admitted after all). */
    void unreserve(String taskKey) {
        removeWaiting(taskKey);
    }

    /** Takes a task that no instance has claimed yet out of the line; false when it was claimed (or is gone). */
    boolean removeWaiting(String taskKey) {
        return records.removeWaiting(taskKey);
    }

    /** How many run-ended wake-ups arrived so far: take it before looking at a task, then {@link #awaitRunEnded}. */
    long runEndsSeen() {
        synchronized (runEnds) {
            return runEndsSeen;
        }
    }

    /**
     * Waits until a run-ended wake-up arrives after {@code seen} ({@link #runEndsSeen}), at most {@code millis} and at
     * most a second (a notification lost while the listener reconnects costs no more than that).
     */
    void awaitRunEnded(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(millis, RUN_ENDED_FALLBACK.toMillis()));
        synchronized (runEnds) {
            long left;
            while (runEndsSeen == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(runEnds, left);
            }
        }
    }

    private void runEnded() {
        synchronized (runEnds) {
            runEndsSeen++;
            runEnds.notifyAll();
        }
    }

    /** Whether the task is queued or running anywhere in the cluster (its execution exists). */
    boolean scheduled(String taskKey) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(ClusterChannels.SCHEDULED_TASK, taskKey)).isPresent();
    }

    /** The instance running the task now, if one claimed it. */
    java.util.Optional<String> runningOn(String taskKey) {
        return records.runningOn(taskKey);
    }

    /** Tasks waiting in the whole cluster. */
    int queueDepth() {
        try {
            return records.queueDepth();
        } catch (RuntimeException e) {
            LOG.debug("Cannot count the waiting tasks: {}", e.getMessage());
            return 0;
        }
    }

    /** Tasks this instance runs now. */
    int runningCount() {
        return claims.size();
    }

    Set<String> runningHere() {
        return Set.copyOf(claims.keySet());
    }

    boolean accepting() {
        return accepting;
    }

    /** Refuses new tasks here; claimed ones keep running until the caller stops them. */
    void stopAdmitting() {
        accepting = false;
    }

    /** Stops claiming and waits for this instance's runs to return (the caller told them to stop). */
    @Override
    public void close() {
        accepting = false;
        scheduler.stop();
    }
}
