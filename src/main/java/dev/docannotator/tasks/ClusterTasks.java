package dev.docannotator.tasks;

import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.ClaimRecords;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.EventsNotice;
import dev.docannotator.storage.StreamRecords;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.postgres.Notifications;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link TaskService} needs to be one of several instances on one PostgreSQL database: claiming and
 * fail-over ({@link ClusterScheduler}), cancels accepted elsewhere ({@link ClusterCancels}), the disconnect grace
 * judged across instances ({@link ClusterStreams}), and wake-ups for the
 * streams of tasks another instance runs ({@code NOTIFY annotator_events '<task key>'}, sent by the PostgreSQL store
 * in each transaction that writes a task's events; the streams then read the event table). Built by the composition
 * root; the service binds it to itself.
 */
public final class ClusterTasks implements AutoCloseable {

    /** The shared tables as the cluster's parts use them (implemented by {@code storage.postgres}). */
    public record Records(CancelRecords cancels, StreamRecords streams, ClaimRecords claims) {
    }

    /** A key no task has (ids are at least 8 characters): the warm-up's statements find nothing and change nothing. */
    static final String WARM_UP_KEY = "warm-up:-";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTasks.class);

    private final DataSource pool;
    private final int poolSize;
    private final Notifications notifications;
    private final String instanceId;
    private final Records records;
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

    /** {@code poolSize} is how many connections {@code pool} holds: each is warmed up at start (see {@link #warmUp}). */
    public ClusterTasks(DataSource pool, int poolSize, Notifications notifications, String instanceId,
                        Records records) {
        this.pool = pool;
        this.records = records;
        this.poolSize = poolSize;
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
    void bind(TaskService.Options options, ClusterScheduler.Runner runner, Consumer<CancelRequest> stopHere,
              Consumer<String> eventsCommitted, BiConsumer<String, TaskEvent> eventCarried,
              Consumer<String> abandonedUnclaimed) {
        scheduler = new ClusterScheduler(pool, records.claims(), notifications, instanceId, options.workers(),
                options.queueCapacity(), options.perUserLimit(), runner);
        cancels = new ClusterCancels(records.cancels(), notifications, instanceId, scheduler::runningHere, stopHere);
        streams = new ClusterStreams(records.streams(), instanceId, options.disconnectGrace(), abandonedUnclaimed);
        // Coalesced: a busy task sends a wake-up per commit; one read per task catches up on all of them. An event
        // carried in the wake-up (a cancel's) is taken in at once, on the listening thread; the read still follows.
        notifications.subscribe(ClusterChannels.EVENTS, payload -> {
            EventsNotice notice = EventsNotice.parse(payload);
            String key = notice.taskKey();
            notice.event().ifPresent(event -> eventCarried.accept(key, event));
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

    /**
     * Takes the first-use costs of the cross-instance cancel off the first real one. PostgreSQL loads a table's
     * catalog entries into each connection's backend the first time that connection uses it, so every pooled
     * connection (all held at once, so that each is a different one) opens the tables of the cancel path; and this
     * JVM runs the cancel statements and its wake-up once (class loading, linkage) for a task that does not exist.
     */
    void warmUp() {
        records.cancels().warmUp(poolSize, WARM_UP_KEY);
        try {
            records.cancels().cancelClaimed(WARM_UP_KEY, instanceId, target -> java.util.Optional.empty());
            cancels.requested(WARM_UP_KEY);
            scheduler.scheduled(WARM_UP_KEY);
            // Every instance's listener takes these in as it would a real cancel, and finds no such task running.
            notifications.publish(ClusterChannels.CANCEL, new CancelRequest(WARM_UP_KEY, false).payload());
            notifications.publish(ClusterChannels.CANCEL, new CancelRequest(WARM_UP_KEY, true).payload());
        } catch (RuntimeException e) {
            LOG.debug("Warming up the cancel path failed: {}", e.getMessage());
        }
    }

    ClusterScheduler scheduler() {
        return scheduler;
    }

    CancelRecords cancelRecords() {
        return records.cancels();
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
