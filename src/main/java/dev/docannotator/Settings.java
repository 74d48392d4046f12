package dev.docannotator;

import static dev.docannotator.common.EnvironmentValues.intOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the server can be configured with; {@link Application} is built from one of these.
 *
 * @param port               HTTP port (0 = any free port)
 * @param dataDir            database, documents and results
 * @param workers            size of the task worker pool
 * @param queueCapacity      how many tasks may wait for a worker before new ones get 503
 * @param perUserLimit       most unfinished (queued or running) tasks of one identity before 429
 * @param maxUploadBytes     largest accepted document
 * @param maxJsonBytes       largest accepted JSON body
 * @param heartbeat          longest silence on an open stream before a ": hb" comment
 * @param disconnectGrace    how long a task whose stream went away keeps running before it is cancelled
 * @param shutdownGrace      how long a graceful stop may take
 * @param retention          how long finished tasks, their documents and results are kept
 * @param cleanupInterval    how often expired data is removed
 * @param checkpointInterval how often a running task's checkpoint is saved (for recovery after a crash)
 * @param maxStreamsPerUser  most event streams one identity may hold open at once before 429 (each holds a
 *                           request thread for its whole life)
 */
public record Settings(int port, Path dataDir, int workers, int queueCapacity, int perUserLimit,
                       long maxUploadBytes, long maxJsonBytes, Duration heartbeat, Duration disconnectGrace,
                       Duration shutdownGrace, Duration retention, Duration cleanupInterval,
                       Duration checkpointInterval, int maxStreamsPerUser) {

    public static final int DEFAULT_PORT = 7070;
    public static final int DEFAULT_MAX_STREAMS_PER_USER = 20;

    public Settings {
        if (workers < 1 || queueCapacity < 0 || perUserLimit < 1 || maxUploadBytes < 1 || maxJsonBytes < 1) {
            throw new IllegalArgumentException("workers, per-user limit and body limits must be positive, queue capacity not negative");
        }
        if (maxStreamsPerUser < 1) {
            throw new IllegalArgumentException("the open streams per user must be at least 1, not " + maxStreamsPerUser);
        }
    }

    /** The documented defaults: port 7070, ./data, one worker per core, 25 MB uploads, 7 days retention, 20 streams per user. */
    public static Settings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Settings(DEFAULT_PORT, Path.of("data"), cores, defaultQueueCapacity(cores), 3,
                25L * 1024 * 1024, 1024 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(5),
                DEFAULT_MAX_STREAMS_PER_USER);
    }

    /**
     * A queue for a small team: hundreds of waiting tasks. A queued task costs a row, its small event log and an
     * open stream (about 20 KB of heap, and on Java 17 one request thread), not its document's memory.
     */
    static int defaultQueueCapacity(int cores) {
        return Math.max(256, cores * 32);
    }

    /**
     * The defaults overridden by environment variables: ANNOTATOR_PORT, ANNOTATOR_DATA_DIR, ANNOTATOR_WORKERS,
     * ANNOTATOR_QUEUE_CAPACITY, ANNOTATOR_PER_USER_LIMIT, ANNOTATOR_MAX_UPLOAD_MB, ANNOTATOR_HEARTBEAT_SECONDS,
     * ANNOTATOR_DISCONNECT_GRACE_SECONDS, ANNOTATOR_SHUTDOWN_GRACE_SECONDS, ANNOTATOR_RETENTION_DAYS,
     * ANNOTATOR_MAX_STREAMS_PER_USER.
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        Settings d = defaults();
        return new Settings(
                intOf(env, "ANNOTATOR_PORT", d.port()),
                env.containsKey("ANNOTATOR_DATA_DIR") ? Path.of(env.get("ANNOTATOR_DATA_DIR")) : d.dataDir(),
                intOf(env, "ANNOTATOR_WORKERS", d.workers()),
                intOf(env, "ANNOTATOR_QUEUE_CAPACITY", d.queueCapacity()),
                intOf(env, "ANNOTATOR_PER_USER_LIMIT", d.perUserLimit()),
                env.containsKey("ANNOTATOR_MAX_UPLOAD_MB")
                        ? intOf(env, "ANNOTATOR_MAX_UPLOAD_MB", 25) * 1024L * 1024 : d.maxUploadBytes(),
                d.maxJsonBytes(),
                Duration.ofSeconds(intOf(env, "ANNOTATOR_HEARTBEAT_SECONDS", (int) d.heartbeat().toSeconds())),
                Duration.ofSeconds(intOf(env, "ANNOTATOR_DISCONNECT_GRACE_SECONDS", (int) d.disconnectGrace().toSeconds())),
                Duration.ofSeconds(intOf(env, "ANNOTATOR_SHUTDOWN_GRACE_SECONDS", (int) d.shutdownGrace().toSeconds())),
                Duration.ofDays(intOf(env, "ANNOTATOR_RETENTION_DAYS", (int) d.retention().toDays())),
                d.cleanupInterval(), d.checkpointInterval(),
                intOf(env, "ANNOTATOR_MAX_STREAMS_PER_USER", d.maxStreamsPerUser()));
    }


    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, workers, queueCapacity, perUserLimit, maxUploadBytes, maxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, retention, cleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withDataDir(Path newDataDir) {
        return new Settings(port, newDataDir, workers, queueCapacity, perUserLimit, maxUploadBytes, maxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, retention, cleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withAdmission(int newWorkers, int newQueueCapacity, int newPerUserLimit) {
        return new Settings(port, dataDir, newWorkers, newQueueCapacity, newPerUserLimit, maxUploadBytes, maxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, retention, cleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withBodyLimits(long newMaxUploadBytes, long newMaxJsonBytes) {
        return new Settings(port, dataDir, workers, queueCapacity, perUserLimit, newMaxUploadBytes, newMaxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, retention, cleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withTimings(Duration newHeartbeat, Duration newDisconnectGrace, Duration newShutdownGrace) {
        return new Settings(port, dataDir, workers, queueCapacity, perUserLimit, maxUploadBytes, maxJsonBytes,
                newHeartbeat, newDisconnectGrace, newShutdownGrace, retention, cleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withRetention(Duration newRetention, Duration newCleanupInterval) {
        return new Settings(port, dataDir, workers, queueCapacity, perUserLimit, maxUploadBytes, maxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, newRetention, newCleanupInterval, checkpointInterval,
                maxStreamsPerUser);
    }

    public Settings withMaxStreamsPerUser(int newMaxStreamsPerUser) {
        return new Settings(port, dataDir, workers, queueCapacity, perUserLimit, maxUploadBytes, maxJsonBytes,
                heartbeat, disconnectGrace, shutdownGrace, retention, cleanupInterval, checkpointInterval,
                newMaxStreamsPerUser);
    }
}
