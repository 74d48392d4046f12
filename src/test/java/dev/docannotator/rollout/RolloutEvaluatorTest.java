package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutEvaluatorTest {

    @TempDir
    Path dir;
    RolloutFixture rollout;
    RolloutEvaluator evaluator;

    @BeforeEach
    void atStageTwo() {
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath().withOverrides(null, 2);
        rollout = new RolloutFixture(dir, new MutableClock(java.time.Instant.parse("2026-11-23T08:00:00Z")), plan);
        evaluator = new RolloutEvaluator(rollout.service, rollout.metrics);
    }

    @AfterEach
    void close() {
        evaluator.stop();
        rollout.close();
    }

    @Test
    void aGateFailingOnThreeConsecutiveEvaluationsRollsBackOneStage() {
        rollout.recordSlowCancels();
        assertThat(evaluator.evaluateOnce().stage()).isEqualTo(2);
        assertThat(evaluator.evaluateOnce().stage()).isEqualTo(2);
        RolloutState after = evaluator.evaluateOnce();

        assertThat(after.stage()).isEqualTo(1);
        assertThat(after.percentage()).isEqualTo(5);
        HistoryEntry last = rollout.store.history(after.feature(), 1).get(0);
        assertThat(last.actor()).isEqualTo("auto-rollback");
        assertThat(last.action()).isEqualTo("auto_rollback");
        assertThat(last.reason()).contains("cancel_latency_p95 900 ms (must be < 500 ms").contains("3 consecutive evaluations");
        assertThat(last.metrics()).contains("\"status\":\"fail\"");
    }

    @Test
    void theRolledBackStageStartsAFreshWindowSoItDoesNotCascade() {
        rollout.recordSlowCancels();
        evaluator.evaluateOnce();
        evaluator.evaluateOnce();
        evaluator.evaluateOnce();
        for (int i = 0; i < 5; i++) {
            assertThat(evaluator.evaluateOnce().stage()).isEqualTo(1);
        }
    }

    @Test
    void aPassingEvaluationInBetweenResetsTheCount() {
        rollout.recordSuccessRate(200, 190); // 95 %: fails
        evaluator.evaluateOnce();
        evaluator.evaluateOnce();
        rollout.recordSuccessRate(2000, 2000); // now 2190 of 2200 = 99.5 %: passes
        evaluator.evaluateOnce();
        rollout.recordSuccessRate(300, 0); // fails again
        evaluator.evaluateOnce();
        assertThat(evaluator.evaluateOnce().stage()).as("only two consecutive failures since the pass").isEqualTo(2);
        assertThat(evaluator.evaluateOnce().stage()).isEqualTo(1);
    }

    @Test
    void inconclusiveGatesNeverRollBack() {
        for (int i = 0; i < 10; i++) {
            rollout.metrics.cancelLatency(true, Duration.ofSeconds(5)); // terrible, but only 10 of 30 samples
        }
        for (int i = 0; i < 10; i++) {
            assertThat(evaluator.evaluateOnce().stage()).isEqualTo(2);
        }
    }

    @Test
    void anOperatorActingFirstWinsOverTheAutoRollback() {
        rollout.recordSlowCancels();
        evaluator.evaluateOnce();
        evaluator.evaluateOnce();
        rollout.service.rollback("alice", "I saw it first", rollout.version(), 0);
        RolloutState state = evaluator.evaluateOnce();
        assertThat(state.stage()).isZero();
        assertThat(rollout.store.history(state.feature(), 10)).noneMatch(h -> h.actor().equals("auto-rollback"));
    }

    @Test
    void theScheduleRollsBackOnItsOwnDaemonThreadAndStops(@TempDir Path other) throws Exception {
        RolloutPlan base = new RolloutPlanLoader().fromClasspath();
        RolloutPlan fast = new RolloutPlan(base.feature(), base.description(), base.strategy(), base.salt(), 2,
                Duration.ofMillis(20), base.autoRollbackAfter(), base.maxWindow(), base.stages(), base.gates());
        try (RolloutFixture scheduled = new RolloutFixture(other, rollout.clock, fast)) {
            RolloutEvaluator periodic = new RolloutEvaluator(scheduled.service, scheduled.metrics);
            scheduled.recordSlowCancels();
            periodic.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (scheduled.service.current().stage() == 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // polling for the outcome, not asserting on elapsed time
                }
                assertThat(scheduled.service.current().stage()).isEqualTo(1);
                assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("rollout-evaluator"))
                        .isNotEmpty().allMatch(Thread::isDaemon);
            } finally {
                periodic.stop();
            }
            periodic.stop(); // idempotent
        }
    }
}
