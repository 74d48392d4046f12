package dev.docannotator.tasks;

import dev.docannotator.storage.StreamRecords;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disconnect grace across instances: a client that leaves one instance may re-attach to another (a load balancer
 * chooses), so no instance can judge alone. Each records ({@link StreamRecords}) how many streams of each task it
 * has open, and when the last of them lost its client. Every {@link #SWEEP} one instance at a time sweeps the
 * record: the streams of an instance whose heartbeat stopped count as lost at its last heartbeat; a task that no
 * live instance streams and whose last client left more than the grace ago is taken out of the record by that sweep
 * alone and cancelled once, resumable: through a cancel request (NOTIFY, as a user's cancel travels) when an
 * instance runs it, by {@code abandonedUnclaimed} (this instance) when none does.
 */
final class ClusterStreams implements AutoCloseable {

    /** How often each instance looks for abandoned tasks: the grace ends up to this much late. */
    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStreams.class);

    private final StreamRecords records;
    private final String instanceId;
    private final Duration grace;
    private final Consumer<String> abandonedUnclaimed;
    private final PeriodicSweep sweeper;

    /** {@code abandonedUnclaimed} is called with the key of each abandoned task that no instance has claimed. */
    ClusterStreams(StreamRecords records, String instanceId, Duration grace, Consumer<String> abandonedUnclaimed) {
        this.records = records;
        this.instanceId = instanceId;
        this.grace = grace;
        this.abandonedUnclaimed = abandonedUnclaimed;
        this.sweeper = new PeriodicSweep("cluster-stream-sweep", this::sweep);
    }

    void start() {
        sweeper.every(SWEEP);
    }

    /** A stream of the task opened on this instance: nobody has left it (here) any more. */
    void opened(String taskKey) {
        records.opened(taskKey, instanceId);
    }

    /** A stream of the task on this instance ended; when it was the last one here and its client went away, since now. */
    void closed(String taskKey, boolean clientGone) {
        records.closed(taskKey, instanceId, clientGone);
    }

    /**
     * One sweep (see the class comment); returns the abandoned tasks it cancelled or handed over, none when another
     * instance was sweeping. Package-private for tests.
     */
    Set<String> sweep() {
        StreamRecords.Sweep sweep = records.sweep(instanceId, grace);
        for (String key : sweep.abandoned()) {
            LOG.info("No client follows task {} on any instance any more; cancelling it (resumable)", key);
            if (!sweep.claimed().contains(key)) {
                abandonedUnclaimed.accept(key);
            }
        }
        return sweep.abandoned();
    }

    @Override
    public void close() {
        sweeper.close();
    }
}
