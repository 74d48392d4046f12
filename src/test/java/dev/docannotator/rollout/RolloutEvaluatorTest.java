package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void stoppingDoesNotWaitForTheMonitorOfARoundInProgress() throws Exception {
        evaluator.start();
        Thread round = new Thread(evaluator::evaluateOnce, "round-by-hand");
        // Holding the database's monitor parks the round inside evaluateOnce(), holding the evaluator's monitor.
        synchronized (rollout.database) {
            round.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (round.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
                Thread.sleep(2); // polling for the round to reach the database
            }
            assertThat(round.getState()).isEqualTo(Thread.State.BLOCKED);
            CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(() -> evaluator.stop(Duration.ofSeconds(5)));
            assertThat(stopping.get(3, TimeUnit.SECONDS)).as("no scheduled round runs").isTrue();
        }
        round.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(round.isAlive()).isFalse();
    }

    @Test
    void aStopWaitsNoLongerThanAskedForARoundThatCannotFinish(@TempDir Path other) throws Exception {
        RolloutPlan base = new RolloutPlanLoader().fromClasspath();
        RolloutPlan fast = new RolloutPlan(base.feature(), base.description(), base.strategy(), base.salt(), 2,
                Duration.ofMillis(20), base.autoRollbackAfter(), base.maxWindow(), base.stages(), base.gates());
        try (RolloutFixture scheduled = new RolloutFixture(other, rollout.clock, fast)) {
            RolloutEvaluator periodic = new RolloutEvaluator(scheduled.service, scheduled.metrics);
            synchronized (scheduled.database) {
                periodic.start();
                Thread blocked = awaitBlockedEvaluatorThread();
                long started = System.nanoTime();
                boolean ended = CompletableFuture.supplyAsync(() -> periodic.stop(Duration.ofMillis(200)))
                        .get(3, TimeUnit.SECONDS);
                assertThat(ended).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertThat(blocked.isAlive()).isTrue();
            }
            // Once the database is free the interrupted round ends, and a second stop sees it end.
            assertThat(periodic.stop(Duration.ofSeconds(10))).isTrue();
        }
    }

    /** The scheduled round's thread once it waits for the database (other tests' evaluator threads have ended). */
    private static Thread awaitBlockedEvaluatorThread() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("rollout-evaluator") && thread.getState() == Thread.State.BLOCKED) {
                    return thread;
                }
            }
            Thread.sleep(2); // polling for the round to reach the database
        }
        throw new AssertionError("No evaluation round reached the database within 10 s");
    }
}
