package dev.docannotator.http;

import dev.docannotator.common.Messages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the event streams one identity may hold open at once. Each open stream holds a request thread for its
 * whole life, and on Java 17 those come from a bounded pool: without a cap one client re-attaching to a task
 * hundreds of times could take every thread and starve everyone else.
 */
final class StreamLimiter {
    /** Streams end when their tasks do; a few seconds is a fair first wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int perUser;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final Counter refused;

    StreamLimiter(int perUser, MeterRegistry registry) {
        if (perUser < 1) {
            throw new IllegalArgumentException("perUser must be at least 1, not " + perUser);
        }
        this.perUser = perUser;
        this.refused = Counter.builder("annotator_streams_refused")
                .description("Event streams refused because their identity already held the most open streams")
                .register(registry);
    }

    /**
     * Takes one of {@code user}'s places, or throws 429 when they are all taken. The caller must close the permit
     * however its request ends (try-with-resources); closing it more than once gives the place back only once.
     */
    Permit acquire(String user, Messages messages) {
        boolean[] granted = {false};
        open.compute(user, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perUser) {
                return count;
            }
            granted[0] = true;
            return current + 1;
        });
        if (!granted[0]) {
            refused.increment();
            throw ApiException.tooManyRequests(messages.get("stream.too_many_open", perUser), RETRY_AFTER_SECONDS);
        }
        return new Permit(user);
    }

    /** How many streams {@code user} holds open now. */
    int openStreams(String user) {
        return open.getOrDefault(user, 0);
    }

    private void release(String user) {
        // Removing the entry at zero keeps the map as small as the set of identities with open streams.
        open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** One identity's place for one open stream, given back by {@link #close()}. */
    final class Permit implements AutoCloseable {
        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(user);
            }
        }
    }
}
