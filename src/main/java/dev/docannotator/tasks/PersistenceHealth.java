package dev.docannotator.tasks;

import dev.docannotator.storage.StorageFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether task state can be written right now. A failed write opens an incident (logged once, with one line, not on
 * every retry); the next successful write closes it (logged once more). While an incident is open the server is not
 * ready and refuses new tasks. Every failed attempt counts in {@code annotator_persistence_failures_total}.
 */
public final class PersistenceHealth {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceHealth.class);

    /** The state of writing: fine, failing, or failing because the disk is full. */
    public enum State { OK, FAILING, DISK_FULL }

    private final Counter failures;
    private volatile State state = State.OK;
    private long incidentStartedNanos;
    private int attemptsInIncident;

    public PersistenceHealth(MeterRegistry registry) {
        this.failures = Counter.builder("annotator_persistence_failures").description(
                "Failed attempts to write task state to the database (each retry counts)").register(registry);
        Gauge.builder("annotator_persistence_ok", this, h -> h.state == State.OK ? 1 : 0)
                .description("1 while task state is being written, 0 while writing fails").strongReference(true)
                .register(registry);
    }

    public State state() {
        return state;
    }

    public boolean ok() {
        return state == State.OK;
    }

    /** A write failed: counts it, and logs it only when it opens an incident (or turns it into a full disk). */
    synchronized void failed(Throwable failure) {
        failures.increment();
        State now = StorageFailures.isDiskFull(failure) ? State.DISK_FULL : State.FAILING;
        attemptsInIncident++;
        if (state == State.OK) {
            incidentStartedNanos = System.nanoTime();
            LOG.error("Cannot write task state to the database{}: {}. Retrying with backoff; new tasks are refused "
                    + "until writing works again.", now == State.DISK_FULL ? " (disk full)" : "",
                    StorageFailures.oneLine(failure));
            LOG.debug("The first failure of this incident", failure);
        } else if (state != now) {
            LOG.error("Writing task state still fails, now{}: {}", now == State.DISK_FULL ? " because the disk is full" : "",
                    StorageFailures.oneLine(failure));
        }
        state = now;
    }

    /** A write succeeded: closes an open incident. */
    synchronized void succeeded() {
        if (state != State.OK) {
            LOG.warn("Writing task state to the database works again after {} failed attempt(s) over {} ms",
                    attemptsInIncident, (System.nanoTime() - incidentStartedNanos) / 1_000_000);
            state = State.OK;
            attemptsInIncident = 0;
        }
    }
}
