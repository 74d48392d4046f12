package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutServiceTest {

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

    @Test
    void aNewInstallationStartsOffAtVersionOneWithAnInstallLine() {
        RolloutState state = rollout.service.current();
        assertThat(state.stage()).isZero();
        assertThat(state.percentage()).isZero();
        assertThat(state.version()).isEqualTo(1);
        assertThat(rollout.store.history(state.feature(), 10)).singleElement()
                .satisfies(h -> assertThat(h.action()).isEqualTo("install"));
    }

    @Test
    void aConfiguredInitialStageIsUsedByANewInstallation(@TempDir Path other) {
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath().withOverrides(null, 2);
        try (RolloutFixture configured = new RolloutFixture(other, rollout.clock, plan)) {
            assertThat(configured.service.current().stage()).isEqualTo(2);
            assertThat(configured.service.current().percentage()).isEqualTo(10);
        }
    }

    @Test
    void advancingFromOffNeedsNoDataAndGoesToTheCanary() {
        RolloutState state = rollout.service.advance("alice", "start the canary", 1L, false);
        assertThat(state.stage()).isEqualTo(1);
        assertThat(state.percentage()).isEqualTo(5);
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.since()).isEqualTo(rollout.clock.instant());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        RolloutState before = rollout.service.current();
        List<HistoryEntry> historyBefore = rollout.store.history(before.feature(), 100);

        assertThatThrownBy(() -> rollout.service.rollback("bob", "based on an old page", 1L, null))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessageContaining("your version is 1 but the current version is 2");
        assertThatThrownBy(() -> rollout.service.setPercentage("bob", "old page", 1L, 50))
                .isInstanceOf(RolloutConflictException.class);
        assertThatThrownBy(() -> rollout.service.freeze("bob", "old page", 1L))
                .isInstanceOf(RolloutConflictException.class);

        assertThat(rollout.service.current()).isEqualTo(before);
        assertThat(rollout.store.history(before.feature(), 100)).isEqualTo(historyBefore);
    }

    @Test
    void theStoreRefusesAWriteBasedOnAVersionThatMovedOnInBetween() {
        RolloutState read = rollout.service.current();
        rollout.service.advance("alice", "start the canary", read.version(), false);
        // A second instance that read version 1 and passed its own checks writes now:
        HistoryEntry entry = new HistoryEntry(rollout.clock.instant(), "other-instance", "percentage", 0, 7, 0, 100, "race", null);
        assertThatThrownBy(() -> rollout.store.compareAndSet(read.version(), read.moveTo(7, 100, rollout.clock.instant()), true, entry))
                .isInstanceOf(RolloutConflictException.class);
        assertThat(rollout.service.current().percentage()).isEqualTo(5);
        assertThat(rollout.store.history(read.feature(), 100)).noneMatch(h -> h.actor().equals("other-instance"));
    }

    @Test
    void everyChangeIsInTheHistoryWithItsReasonActorAndFigures() {
        RolloutService service = rollout.service;
        service.advance("alice", "canary approved in the weekly review", rollout.version(), false);
        rollout.recordHealthy();
        rollout.soak();
        service.setPercentage("bob", "widen the canary a little", rollout.version(), 7, false, Locale.ENGLISH);
        service.freeze("carol", "holiday freeze", rollout.version());
        service.unfreeze("carol", "back from holiday", rollout.version());
        service.rollback("dave", "support tickets about pause", rollout.version(), 0);

        List<HistoryEntry> history = rollout.store.history(rollout.plan.feature(), 100);
        assertThat(history).extracting(HistoryEntry::action)
                .containsExactly("rollback", "unfreeze", "freeze", "percentage", "advance", "install");
        assertThat(history).extracting(HistoryEntry::reason).startsWith(
                "support tickets about pause", "back from holiday", "holiday freeze", "widen the canary a little",
                "canary approved in the weekly review");
        assertThat(history).extracting(HistoryEntry::actor).startsWith("dave", "carol", "carol", "bob", "alice");
        HistoryEntry percentage = history.get(3);
        assertThat(percentage.fromPercentage()).isEqualTo(5);
        assertThat(percentage.toPercentage()).isEqualTo(7);
        assertThat(percentage.to()).isEqualTo(1);
        assertThat(history.get(0).to()).isZero();
        assertThat(history.get(0).metrics()).contains("\"gates\"").contains("cancel_latency_p95");
    }

    @Test
    void withoutDataTheGatesAreInconclusiveAndBlockAdvance() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.soak();
        assertThatThrownBy(() -> rollout.service.advance("alice", "next", 2L, false))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessageContaining("Cancel latency (p95): too little data, 0 of 30 samples.")
                .hasMessageContaining("Stream success rate: too little data");
        assertThat(rollout.service.current().stage()).isEqualTo(1);
    }

    @Test
    void anUnfinishedSoakBlocksAdvanceEvenWithGreenGates() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.recordHealthy();
        assertThatThrownBy(() -> rollout.service.advance("alice", "too early", 2L, false))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessageContaining("Soak time: 24 h left of 24 h.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("samples"));
    }

    @Test
    void aFailingGateBlocksAdvanceAndNamesTheFigure() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.recordSlowCancels();
        rollout.soak();
        assertThatThrownBy(() -> rollout.service.advance("alice", "next", 2L, false))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessageContaining("Cancel latency (p95): 900 ms, must be below 500 ms (");
    }

    @Test
    void greenGatesAndAFinishedSoakLetTheRolloutAdvance() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.recordHealthy();
        rollout.soak();
        RolloutState state = rollout.service.advance("alice", "canary is healthy", 2L, false);
        assertThat(state.stage()).isEqualTo(2);
        assertThat(state.percentage()).isEqualTo(10);
        assertThat(rollout.store.history(state.feature(), 1).get(0).action()).isEqualTo("advance");
    }

    @Test
    void forceAdvancesPastFailingGatesAndTheHistorySaysSo() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.recordSlowCancels();
        RolloutState state = rollout.service.advance("alice", "latency is a known probe artefact", 2L, true);
        assertThat(state.stage()).isEqualTo(2);
        HistoryEntry last = rollout.store.history(state.feature(), 1).get(0);
        assertThat(last.action()).isEqualTo("force_advance");
        assertThat(last.reason()).startsWith("latency is a known probe artefact [forced past: ")
                .contains("Cancel latency (p95): 900 ms").contains("Soak time: 24 h left of 24 h.");
    }

    @Test
    void aNewStageJudgesOnlyItsOwnObservations() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.recordSlowCancels();
        rollout.service.advance("alice", "forced", 2L, true);
        Evaluation fresh = rollout.service.evaluate(rollout.service.current());
        assertThat(fresh.metrics().pausable().cancelSamples()).isZero();
        assertThat(fresh.gates().values()).allMatch(g -> g.status() == GateStatus.INCONCLUSIVE);
    }

    @Test
    void frozenRefusesAdvanceAndRaisingButAllowsRollback() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.service.freeze("alice", "incident review", 2L);
        assertThatThrownBy(() -> rollout.service.advance("alice", "go", 3L, true))
                .isInstanceOf(RolloutConflictException.class).hasMessageContaining("frozen");
        assertThatThrownBy(() -> rollout.service.setPercentage("alice", "go", 3L, 50))
                .isInstanceOf(RolloutConflictException.class).hasMessageContaining("frozen");
        RolloutState state = rollout.service.rollback("alice", "kill it", 3L, null);
        assertThat(state.stage()).isZero();
        assertThat(state.frozen()).isTrue();
    }

    @Test
    void rollbackGoesToThePreviousStageOrTheOneNamed() {
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath().withOverrides(null, 5);
        try (RolloutFixture at50 = new RolloutFixture(dir.resolve("b"), rollout.clock, plan)) {
            assertThat(at50.service.rollback("a", "one back", 1L, null).percentage()).isEqualTo(25);
            assertThat(at50.service.rollback("a", "to canary", 2L, 1).percentage()).isEqualTo(5);
            assertThatThrownBy(() -> at50.service.rollback("a", "up is not back", 3L, 3))
                    .isInstanceOf(RolloutConflictException.class).hasMessageContaining("must reduce the percentage");
            assertThat(at50.service.rollback("a", "kill switch", 3L, 0).percentage()).isZero();
            assertThatThrownBy(() -> at50.service.rollback("a", "again", 4L, null))
                    .isInstanceOf(RolloutConflictException.class).hasMessageContaining("already off");
        }
    }

    @Test
    void anOffPlanPercentageIsMappedToItsStageAndRollsBackToThatStage() {
        RolloutState state = rollout.service.setPercentage("a", "try 30", 1L, 30);
        assertThat(state.stage()).isEqualTo(4);
        assertThat(rollout.service.advanceCheck(state, rollout.service.evaluate(state)).nextStage()).isEqualTo(5);
        assertThat(rollout.service.rollback("a", "back", 2L, null).percentage()).isEqualTo(25);
    }

    @Test
    void badInputIsAnInvalidRequestNamingTheField() {
        assertThatThrownBy(() -> rollout.service.advance("a", "  ", 1L, false))
                .isInstanceOf(InvalidRolloutRequestException.class).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> rollout.service.advance("a", "why", null, false))
                .isInstanceOf(InvalidRolloutRequestException.class).hasMessageContaining("version is required");
        assertThatThrownBy(() -> rollout.service.setPercentage("a", "why", 1L, 101))
                .isInstanceOf(InvalidRolloutRequestException.class).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> rollout.service.rollback("a", "why", 1L, 8))
                .isInstanceOf(InvalidRolloutRequestException.class).hasMessageContaining("to_stage must be between 0 and 7");
        assertThat(rollout.service.current().version()).isEqualTo(1);
    }

    @Test
    void theLastStageCannotAdvance() {
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath().withOverrides(null, 7);
        try (RolloutFixture full = new RolloutFixture(dir.resolve("c"), rollout.clock, plan)) {
            assertThatThrownBy(() -> full.service.advance("a", "more", 1L, true))
                    .isInstanceOf(RolloutConflictException.class).hasMessageContaining("last stage");
        }
    }

    @Test
    void aRestartKeepsStageVersionHistoryAndTheMetricsWindow() {
        rollout.service.advance("alice", "start the canary", 1L, false);
        rollout.service.freeze("alice", "watch it", 2L);
        rollout.recordHealthy();
        RolloutState before = rollout.service.current();
        List<HistoryEntry> history = rollout.store.history(before.feature(), 100);
        rollout.close();

        rollout = new RolloutFixture(dir, rollout.clock, rollout.plan);
        assertThat(rollout.service.current()).isEqualTo(before);
        assertThat(rollout.store.history(before.feature(), 100)).isEqualTo(history);
        assertThat(rollout.service.evaluate(before).metrics().pausable().streams()).isEqualTo(250);
    }

    @Test
    void theHistoryCannotBeRewritten() {
        assertThatThrownBy(() -> rollout.database.write(c -> c.createStatement().executeUpdate("DELETE FROM rollout_history")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> rollout.database.write(c -> c.createStatement().executeUpdate("UPDATE rollout_history SET reason = 'x'")))
                .hasMessageContaining("append-only");
    }
}
