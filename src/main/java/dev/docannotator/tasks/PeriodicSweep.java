package dev.docannotator.tasks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep of the shared tables every period on a daemon thread of its own. A failure is logged (debug) and the
 * next sweep tries again: a periodic task that throws would never run again, so everything is caught.
 */
final class PeriodicSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

    private final String name;
    private final Runnable sweep;
    private final ScheduledExecutorService timer;

    PeriodicSweep(String name, Runnable sweep) {
        this.name = name;
        this.sweep = sweep;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Sweeps every {@code period}, the first time after one period. */
    PeriodicSweep every(Duration period) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweepQuietly() {
        try {
            sweep.run();
        } catch (Throwable e) {
            LOG.debug("{} failed: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
