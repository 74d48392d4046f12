package dev.docannotator.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the gates periodically; when the same gate FAILS (not merely inconclusive) on N consecutive evaluations
 * of one stage, rolls back one stage as "auto-rollback" with the gate and its figure as the reason.
 * Started and stopped by the composition root.
 */
public final class RolloutEvaluator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutEvaluator.class);

    private final RolloutService service;
    private final RecordedCohortMetrics metrics;
    private final int failuresToRollBack;
    private final Map<Gate, Integer> consecutiveFailures = new EnumMap<>(Gate.class);
    private Instant windowOf;
    /**
     * Guards {@link #scheduler}. Not {@code this}: an evaluation round holds this object's monitor for as long as
     * it runs, and stopping must never wait behind it (nor make the round wait behind the stop).
     */
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;

    public RolloutEvaluator(RolloutService service, RecordedCohortMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
        this.failuresToRollBack = service.plan().autoRollbackAfter();
    }

    /** Starts evaluating every plan.evaluation_interval on a daemon thread. */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null && !scheduler.isShutdown()) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rollout-evaluator");
                thread.setDaemon(true);
                return thread;
            });
            long interval = service.plan().evaluationInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::evaluateSafely, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the periodic evaluation and waits up to 5 s for a running one to end. */
    public void stop() {
        stop(Duration.ofSeconds(5));
    }

    /**
     * Stops the periodic evaluation (a running round is interrupted) and waits up to {@code maxWait} for a running
     * round to end; returns whether none runs any more. Calling it again waits again for the same round.
     */
    public boolean stop(Duration maxWait) {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            stopping = scheduler;
        }
        if (stopping == null) {
            return true;
        }
        stopping.shutdownNow();
        // Waits holding no monitor: the round may still have to enter evaluateOnce() to finish.
        try {
            return stopping.awaitTermination(Math.max(0, maxWait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void evaluateSafely() {
        try {
            evaluateOnce();
        } catch (RuntimeException e) {
            // One bad round (a busy database, a concurrent operator) must not end the schedule.
            LOG.warn("Rollout evaluation failed: {}", e.getMessage());
        }
    }

    /**
     * One evaluation round. Returns the state after it (rolled back or not).
     * Public so tests (and an operator tool) can drive it without waiting for the schedule.
     */
    public synchronized RolloutState evaluateOnce() {
        RolloutState state = service.current();
        Instant windowStart = service.windowStart(state);
        metrics.prune(state.observationsAfter(), windowStart);
        if (!state.since().equals(windowOf)) {
            consecutiveFailures.clear(); // a new stage judges only its own observations
            windowOf = state.since();
        }
        if (state.percentage() == 0) {
            return state;
        }
        Evaluation evaluation = service.evaluate(state);
        GateResult trigger = null;
        for (Gate gate : Gate.values()) {
            GateResult result = evaluation.gates().get(gate.key());
            int failures = result.status() == GateStatus.FAIL ? consecutiveFailures.getOrDefault(gate, 0) + 1 : 0;
            consecutiveFailures.put(gate, failures);
            if (failures >= failuresToRollBack && trigger == null) {
                trigger = result;
            }
        }
        if (trigger == null) {
            return state;
        }
        String reason = "gate " + trigger.message() + " on " + failuresToRollBack + " consecutive evaluations";
        try {
            RolloutState after = service.autoRollback(state.version(), reason);
            consecutiveFailures.clear();
            windowOf = after.since();
            return after;
        } catch (RolloutConflictException e) {
            LOG.info("Auto-rollback skipped, an operator changed the rollout meanwhile: {}", e.getMessage());
            return service.current();
        }
    }
}
