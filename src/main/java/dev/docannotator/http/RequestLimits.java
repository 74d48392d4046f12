package dev.docannotator.http;

import java.time.Duration;
import java.util.Map;

/**
 * How long and how slowly a client may hold a connection. Request bodies are read without a thread (see
 * {@link BodyLoader}), so these bound connections, open files and memory, not the request thread pool.
 *
 * @param idleTimeout         a connection with no bytes in either direction for this long is closed (an open event
 *                            stream sends a heartbeat well within it)
 * @param minBodyBytesPerSec  a request body must average at least this rate, counted from its start ...
 * @param bodyRateGrace       ... once it has been arriving for this long (a slow start is not punished); 0 = off
 * @param maxThreads          the request thread pool (each open event stream holds one while it follows its task)
 * @param standingThreads     request threads started with the server and kept when idle (at most {@code maxThreads})
 */
public record RequestLimits(Duration idleTimeout, long minBodyBytesPerSec, Duration bodyRateGrace, int maxThreads,
                            int standingThreads) {
    /**
     * On Java 17 every open stream holds a platform thread; with 8 kept, a burst of 100 streams opened at once
     * started ~100 threads on its requests' path (the load run's first round: 21 → 118 threads during the burst),
     * while they and the JIT competed for the same 2 cores.
     */
    public static final int DEFAULT_STANDING_THREADS = 128;

    public RequestLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || minBodyBytesPerSec < 0 || bodyRateGrace.isNegative()
                || maxThreads < 16 || standingThreads < 1) {
            throw new IllegalArgumentException("the idle timeout must be positive, the body rate and its grace not"
                    + " negative, the request threads at least 16 and the standing ones at least 1");
        }
    }

    /** With {@link #DEFAULT_STANDING_THREADS} standing request threads. */
    public RequestLimits(Duration idleTimeout, long minBodyBytesPerSec, Duration bodyRateGrace, int maxThreads) {
        this(idleTimeout, minBodyBytesPerSec, bodyRateGrace, maxThreads, DEFAULT_STANDING_THREADS);
    }

    /** These limits with {@code value} request threads started with the server (tests keep it small). */
    public RequestLimits withStandingThreads(int value) {
        return new RequestLimits(idleTimeout, minBodyBytesPerSec, bodyRateGrace, maxThreads, value);
    }

    /** 30 s idle timeout; bodies at least 1 KiB/s on average after their first 10 s; 1 000 request threads. */
    public static RequestLimits defaults() {
        return new RequestLimits(Duration.ofSeconds(30), 1024, Duration.ofSeconds(10), 1000);
    }

    /**
     * The defaults overridden by ANNOTATOR_IDLE_TIMEOUT_SECONDS, ANNOTATOR_MIN_BODY_RATE (bytes per second),
     * ANNOTATOR_BODY_RATE_GRACE_SECONDS, ANNOTATOR_HTTP_THREADS and ANNOTATOR_HTTP_STANDING_THREADS.
     */
    public static RequestLimits fromEnvironment(Map<String, String> env) {
        RequestLimits d = defaults();
        return new RequestLimits(
                Duration.ofSeconds(number(env, "ANNOTATOR_IDLE_TIMEOUT_SECONDS", d.idleTimeout().toSeconds())),
                number(env, "ANNOTATOR_MIN_BODY_RATE", d.minBodyBytesPerSec()),
                Duration.ofSeconds(number(env, "ANNOTATOR_BODY_RATE_GRACE_SECONDS", d.bodyRateGrace().toSeconds())),
                (int) number(env, "ANNOTATOR_HTTP_THREADS", d.maxThreads()),
                (int) number(env, "ANNOTATOR_HTTP_STANDING_THREADS", d.standingThreads()));
    }

    private static long number(Map<String, String> env, String key, long fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + value + "\"", e);
        }
    }
}
