package dev.docannotator.tasks;

import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.postgres.Notifications;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A cancel accepted on one instance for a task another instance runs: recorded ({@link CancelRecords}) and announced
 * with {@code NOTIFY annotator_cancel '<task key>'} in the same transaction. The running instance sets its own
 * cancel flag when woken; since a notification can be lost (listener reconnecting), it also re-reads the records
 * for the tasks it runs after a resync and every second. A record stays until the run has stopped, so an instance
 * that takes the task over after a fail-over sees the cancel before it starts.
 */
public final class ClusterCancels implements AutoCloseable {

    private final CancelRecords records;
    private final String instanceId;
    private final Supplier<Collection<String>> runningHere;
    private final Consumer<CancelRequest> stop;
    private final PeriodicSweep sweeper;

    /**
     * {@code runningHere} lists the keys this instance runs; {@code stop} is called (possibly more than once) with
     * the request of each of them that was cancelled elsewhere.
     */
    public ClusterCancels(CancelRecords records, Notifications notifications, String instanceId,
                          Supplier<Collection<String>> runningHere, Consumer<CancelRequest> stop) {
        this.records = records;
        this.instanceId = instanceId;
        this.runningHere = runningHere;
        this.stop = stop;
        notifications.subscribe(ClusterChannels.CANCEL, payload -> {
            if (payload.isEmpty()) {
                sweep();
                return;
            }
            CancelRequest request = CancelRequest.fromPayload(payload);
            if (runningHere.get().contains(request.taskKey())) {
                stop.accept(request);
            }
        });
        this.sweeper = new PeriodicSweep("cluster-cancel-sweep", this::sweep).every(java.time.Duration.ofSeconds(1));
    }

    /** Records a cancel of {@code taskKey} by its user and wakes the instance running it (delivered when this commits). */
    public void request(String taskKey) {
        request(new CancelRequest(taskKey, false));
    }

    /** Records the cancel and wakes the instance running its task (delivered when this commits). */
    public void request(CancelRequest request) {
        records.request(request, instanceId);
    }

    /** The pending cancel of {@code taskKey}, if any (checked before a run starts, e.g. after a fail-over). */
    public Optional<CancelRequest> requested(String taskKey) {
        return records.pending(List.of(taskKey)).stream().findFirst();
    }

    /** Forgets the cancel of {@code taskKey}: its run has stopped, or it is resumed. */
    public void clear(String taskKey) {
        records.clear(taskKey);
    }

    private void sweep() {
        for (CancelRequest request : records.pending(runningHere.get())) {
            stop.accept(request);
        }
    }

    @Override
    public void close() {
        sweeper.close();
    }
}
