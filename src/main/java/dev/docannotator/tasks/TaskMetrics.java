package dev.docannotator.tasks;

import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The server's observations, each labelled {@code pausable=true|false} (the task's PAUSABLE_STREAMING decision):
 * recorded in Micrometer for /metrics and handed to {@link CohortMetrics} for the rollout gates.
 */
public final class TaskMetrics {
    private final MeterRegistry registry;
    private final CohortMetrics cohorts;
    private final Map<Boolean, AtomicInteger> openStreams = new ConcurrentHashMap<>();

    public TaskMetrics(MeterRegistry registry, CohortMetrics cohorts) {
        this.registry = registry;
        this.cohorts = cohorts;
        for (boolean pausable : new boolean[] {true, false}) {
            AtomicInteger open = new AtomicInteger();
            openStreams.put(pausable, open);
            Gauge.builder("annotator_open_streams", open, AtomicInteger::get)
                    .description("Open event streams").tag("pausable", Boolean.toString(pausable)).strongReference(true)
                    .register(registry);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Gauges read at scrape time: tasks by status (from the database) and the queue depth. */
    void registerGauges(Supplier<Map<String, Integer>> countsFromDatabase, Supplier<Integer> queueDepth) {
        // One scrape reads twelve task gauges: query the database once per second at most.
        Supplier<Map<String, Integer>> tasksByStatusAndPausable = new Supplier<>() {
            private long readAt;
            private Map<String, Integer> cached = Map.of();

            @Override
            public synchronized Map<String, Integer> get() {
                if (System.nanoTime() - readAt > 1_000_000_000L || readAt == 0) {
                    cached = countsFromDatabase.get();
                    readAt = System.nanoTime();
                }
                return cached;
            }
        };
        Gauge.builder("annotator_queue_depth", queueDepth, s -> s.get())
                .description("Tasks waiting for a worker").strongReference(true).register(registry);
        for (TaskStatus status : TaskStatus.values()) {
            for (boolean pausable : new boolean[] {true, false}) {
                String key = status.id() + "|" + pausable;
                Gauge.builder("annotator_tasks", tasksByStatusAndPausable, s -> s.get().getOrDefault(key, 0))
                        .description("Tasks by status").tag("status", status.id())
                        .tag("pausable", Boolean.toString(pausable)).strongReference(true).register(registry);
            }
        }
    }

    public void streamOpened(boolean pausable) {
        openStreams.get(pausable).incrementAndGet();
    }

    /**
     * A stream ended. {@code outcome} is the terminal event type written, or "client_gone" / "write_failed";
     * {@code stable} is false only for a failed write that was not the client leaving.
     */
    public void streamClosed(boolean pausable, String outcome, boolean userCancel, boolean stable) {
        openStreams.get(pausable).decrementAndGet();
        Counter.builder("annotator_stream_outcomes").description("How event streams ended")
                .tag("pausable", Boolean.toString(pausable)).tag("outcome", outcome).register(registry).increment();
        // A server shutdown says nothing about the feature under rollout: it is not a stream outcome for the gates.
        if (TaskEvent.isTerminal(outcome) && !TaskEvent.SHUTDOWN.equals(outcome)) {
            boolean success = TaskEvent.RESULT.equals(outcome) || (TaskEvent.CANCELLED.equals(outcome) && userCancel);
            cohorts.streamFinished(pausable, success);
        }
        cohorts.connectionClosed(pausable, stable);
    }

    public void timeToFirstEvent(boolean pausable, Duration elapsed) {
        Timer.builder("annotator_time_to_first_event").description("From a stream request to its first event")
                .publishPercentiles(0.5, 0.95, 0.99)
                .tag("pausable", Boolean.toString(pausable)).register(registry).record(elapsed);
    }

    /** From the cancel request until the stream wrote {@code cancelled}. */
    public void cancelToStreamTold(boolean pausable, Duration elapsed) {
        cancelTimer(pausable, "stream_told").record(elapsed);
        cohorts.cancelLatency(pausable, elapsed);
    }

    /** From the cancel request until the worker stopped and released its run. */
    void cancelToWorkerStopped(boolean pausable, Duration elapsed) {
        cancelTimer(pausable, "worker_stopped").record(elapsed);
    }

    void heapReleased(boolean pausable, double ratio) {
        DistributionSummary.builder("annotator_heap_released_after_cancel_ratio")
                .description("Share of a cancelled task's tracked heap that was garbage-collected after its worker stopped")
                .tag("pausable", Boolean.toString(pausable)).register(registry).record(ratio);
        cohorts.heapReleasedAfterCancel(pausable, ratio);
    }

    private Timer cancelTimer(boolean pausable, String phase) {
        return Timer.builder("annotator_cancel_latency").description("Cancel latency by phase")
                .publishPercentiles(0.5, 0.95, 0.99)
                .tag("pausable", Boolean.toString(pausable)).tag("phase", phase).register(registry);
    }
}
