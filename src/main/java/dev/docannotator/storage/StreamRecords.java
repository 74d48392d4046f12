package dev.docannotator.storage;

import java.time.Duration;
import java.util.Set;

/**
 * The shared database's record of which instance streams which task, for the disconnect grace judged across
 * instances ({@code tasks.ClusterStreams}; implemented by {@code storage.postgres}).
 */
public interface StreamRecords {

    /** What one sweep found: the abandoned tasks it took out of the record, and those of them an instance runs. */
    record Sweep(Set<String> abandoned, Set<String> claimed) {
    }

    /** A stream of the task opened on {@code instanceId}: nobody has left it there any more. */
    void opened(String taskKey, String instanceId);

    /** A stream of the task on {@code instanceId} ended; when it was the last one there and its client went away, since now. */
    void closed(String taskKey, String instanceId, boolean clientGone);

    /**
     * One sweep, by {@code instanceId}, unless another instance is sweeping (then nothing): forgets the
     * streams of finished tasks, counts the streams of instances whose heartbeat stopped as lost at their last
     * heartbeat, takes out the tasks that no instance streams and whose last client left more than {@code grace}
     * ago, and records an abandoned cancel of each of those an instance runs, waking that instance at commit.
     */
    Sweep sweep(String instanceId, Duration grace);
}
