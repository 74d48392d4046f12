package dev.docannotator.tasks;

import dev.docannotator.storage.postgres.Notifications;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What a {@link TaskService} needs to be one of several instances on one PostgreSQL database: claiming and
 * fail-over ({@link ClusterScheduler}), cancels accepted elsewhere ({@link ClusterCancels}), the disconnect grace
 * judged across instances ({@link ClusterStreams}), and wake-ups for the
 * streams of tasks another instance runs ({@code NOTIFY annotator_events '<task key>'}, sent by the PostgreSQL store
 * in each transaction that writes a task's events; the streams then read the event table). Built by the composition
 * root; the service binds it to itself.
 */
public final class ClusterTasks implements AutoCloseable {

    public static final String EVENTS_CHANNEL = "annotator_events";

    private final DataSource pool;
    private final Notifications notifications;
    private final String instanceId;
    private final ExecutorService followers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cluster-event-follow");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ClusterScheduler scheduler;
    private ClusterCancels cancels;
    private ClusterStreams streams;

    public ClusterTasks(DataSource pool, Notifications notifications, String instanceId) {
        this.pool = pool;
        this.notifications = notifications;
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Called once by the service: who runs a claimed task, who stops a task cancelled elsewhere, who follows events,
     * who cancels an abandoned task that no instance has claimed.
     */
    void bind(TaskService.Options options, ClusterScheduler.Runner runner, Consumer<ClusterCancels.Request> stopHere,
              Consumer<String> eventsCommitted, Consumer<String> abandonedUnclaimed) {
        scheduler = new ClusterScheduler(pool, notifications, instanceId, options.workers(), options.queueCapacity(),
                options.perUserLimit(), runner);
        cancels = new ClusterCancels(pool, notifications, instanceId, scheduler::runningHere, stopHere);
        streams = new ClusterStreams(pool, instanceId, options.disconnectGrace(), abandonedUnclaimed);
        // Coalesced: a busy task sends a wake-up per commit; one read per task catches up on all of them.
        notifications.subscribe(EVENTS_CHANNEL, key -> {
            if (pending.add(key)) {
                followers.execute(() -> {
                    pending.remove(key);
                    eventsCommitted.accept(key);
                });
            }
        });
    }

    void start() {
        scheduler.start();
        streams.start();
    }

    ClusterScheduler scheduler() {
        return scheduler;
    }

    ClusterCancels cancels() {
        return cancels;
    }

    ClusterStreams streams() {
        return streams;
    }

    /** Whether this instance runs the task now. */
    boolean runsHere(String key) {
        return scheduler.runningHere().contains(key);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (streams != null) {
            streams.close();
        }
        if (cancels != null) {
            cancels.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        followers.shutdownNow();
        try {
            followers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
