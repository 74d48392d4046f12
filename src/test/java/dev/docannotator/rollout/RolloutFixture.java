package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A real rollout on a temporary SQLite file with a hand-moved clock. */
final class RolloutFixture implements AutoCloseable {

    final Path dbFile;
    final MutableClock clock;
    final RolloutPlan plan;
    final Database database;
    final RolloutStore store;
    final RecordedCohortMetrics metrics;
    final RolloutService service;

    RolloutFixture(Path dir) {
        this(dir, new MutableClock(Instant.parse("2026-11-23T08:00:00Z")), new RolloutPlanLoader().fromClasspath());
    }

    RolloutFixture(Path dir, MutableClock clock, RolloutPlan plan) {
        this.dbFile = dir.resolve("annotator.db");
        this.clock = clock;
        this.plan = plan;
        this.database = Database.open(dbFile);
        this.store = new RolloutStore(database);
        this.metrics = new RecordedCohortMetrics(database, plan.feature(), clock);
        this.service = new RolloutService(plan, store, metrics, clock);
    }

    long version() {
        return service.current().version();
    }

    /** Enough observations for every gate, all of them healthy. */
    void recordHealthy() {
        for (int i = 0; i < 250; i++) {
            metrics.cancelLatency(true, Duration.ofMillis(20 + i % 50));
            metrics.streamFinished(true, true);
            metrics.connectionClosed(true, true);
            metrics.heapReleasedAfterCancel(true, 0.95);
        }
    }

    /** Enough observations for every gate; cancel latency far above 500 ms, the rest healthy. */
    void recordSlowCancels() {
        recordHealthy();
        for (int i = 0; i < 250; i++) {
            metrics.cancelLatency(true, Duration.ofMillis(900));
        }
    }

    /** {@code total} finished streams of the pausable cohort, {@code successes} of them successful; other gates healthy. */
    void recordSuccessRate(int total, int successes) {
        for (int i = 0; i < total; i++) {
            metrics.streamFinished(true, i < successes);
        }
        for (int i = 0; i < 250; i++) {
            metrics.cancelLatency(true, Duration.ofMillis(30));
            metrics.connectionClosed(true, true);
            metrics.heapReleasedAfterCancel(true, 0.9);
        }
    }

    /** Lets the current stage's soak time pass. */
    void soak() {
        RolloutState state = service.current();
        clock.advance(state.stage() == 0 ? Duration.ofMinutes(1) : plan.stage(state.stage()).minSoak().plusMinutes(1));
    }

    @Override
    public void close() {
        database.close();
    }
}
