package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedCohortMetricsTest {

    @TempDir
    Path dir;
    RolloutFixture rollout;

    @BeforeEach
    void open() {
        rollout = new RolloutFixture(dir);
    }

    @AfterEach
    void close() {
        rollout.close();
    }

    private MetricsSnapshot snapshot() {
        return rollout.service.evaluate(rollout.service.current()).metrics();
    }

    @Test
    void theP95IsTheNearestRankAndCohortsAreKeptApart() {
        for (int ms = 1; ms <= 100; ms++) {
            rollout.metrics.cancelLatency(true, Duration.ofMillis(ms));
        }
        rollout.metrics.cancelLatency(false, Duration.ofSeconds(9));
        MetricsSnapshot snapshot = snapshot();
        assertThat(snapshot.pausable().cancelSamples()).isEqualTo(100);
        assertThat(snapshot.pausable().cancelLatencyP95Ms()).isEqualTo(95.0);
        assertThat(snapshot.off().cancelSamples()).isEqualTo(1);
        assertThat(snapshot.off().cancelLatencyP95Ms()).isEqualTo(9000.0);
    }

    @Test
    void ratesAndMeansAreComputedPerCohort() {
        for (int i = 0; i < 1000; i++) {
            rollout.metrics.streamFinished(true, i % 100 != 0);
            rollout.metrics.connectionClosed(true, i % 500 != 0);
            rollout.metrics.streamFinished(false, true);
        }
        rollout.metrics.heapReleasedAfterCancel(true, 0.7);
        rollout.metrics.heapReleasedAfterCancel(true, 0.9);
        rollout.metrics.heapReleasedAfterCancel(true, 3.0); // clamped to 1
        MetricsSnapshot snapshot = snapshot();
        assertThat(snapshot.pausable().streamSuccessRate()).isCloseTo(0.99, within(1e-9));
        assertThat(snapshot.pausable().connectionStability()).isCloseTo(0.998, within(1e-9));
        assertThat(snapshot.pausable().memoryReleasedMean()).isCloseTo((0.7 + 0.9 + 1.0) / 3, within(1e-9));
        assertThat(snapshot.off().streamSuccessRate()).isEqualTo(1.0);
        assertThat(snapshot.off().connectionStability()).isNull();
    }

    @Test
    void aSuccessRateExactlyAtTheThresholdFails() {
        rollout.recordSuccessRate(1000, 990);
        GateResult gate = rollout.service.evaluate(rollout.service.current()).gates().get("stream_success_rate");
        assertThat(gate.status()).isEqualTo(GateStatus.FAIL);
        assertThat(gate.message()).contains("99.00 %").contains("must be > 99.00 %");
    }

    @Test
    void theOffCohortIsShownAsBaselineOnceItHasEnoughData() {
        rollout.recordHealthy();
        for (int i = 0; i < 300; i++) {
            rollout.metrics.streamFinished(false, i != 0);
        }
        GateResult gate = rollout.service.evaluate(rollout.service.current()).gates().get("stream_success_rate");
        assertThat(gate.status()).isEqualTo(GateStatus.PASS);
        assertThat(gate.baseline()).isCloseTo(299 / 300.0, within(1e-9));
        assertThat(rollout.service.evaluate(rollout.service.current()).gates().get("cancel_latency_p95").baseline()).isNull();
    }

    @Test
    void observationsOlderThanTheMaxWindowNoLongerCount() {
        rollout.recordHealthy();
        rollout.clock.advance(rollout.plan.maxWindow().plusHours(1));
        assertThat(snapshot().pausable().streams()).isZero();
    }

    @Test
    void theEvaluatorPrunesObservationsOfEarlierStages() {
        rollout.recordHealthy();
        rollout.service.advance("a", "canary", 1L, false);
        new RolloutEvaluator(rollout.service, rollout.metrics).evaluateOnce();
        int rows = rollout.database.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM rollout_observations")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rows).isZero();
    }
}
