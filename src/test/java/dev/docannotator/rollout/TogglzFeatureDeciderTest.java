package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

class TogglzFeatureDeciderTest {

    @TempDir
    Path dir;
    RolloutFixture rollout;
    FeatureManager manager;
    FeatureDecider decider;
    final List<String> users = IntStream.range(0, 5_000).mapToObj(i -> "user-" + i + "-abcdefghij").toList();

    @BeforeEach
    void open() {
        rollout = new RolloutFixture(dir);
        manager = FeatureManagerFactory.create(new RolloutStateRepository(rollout.store, rollout.plan.salt()),
                new StickyPercentageStrategy());
        decider = new TogglzFeatureDecider(manager);
    }

    @AfterEach
    void close() {
        rollout.close();
    }

    private double shareOn() {
        return users.stream().filter(u -> decider.isEnabled(Features.PAUSABLE_STREAMING, u)).count() / (double) users.size();
    }

    @Test
    void offAtStageZeroThenTheStagePercentageThenOffAgainAtOnceWithTheKillSwitch() {
        assertThat(shareOn()).isZero();
        rollout.service.advance("a", "canary", 1L, false);
        assertThat(shareOn()).isCloseTo(0.05, within(0.01));
        rollout.service.setPercentage("a", "half", 2L, 50, true, java.util.Locale.ENGLISH);
        assertThat(shareOn()).isCloseTo(0.50, within(0.02));
        rollout.service.rollback("a", "kill switch", 3L, 0);
        assertThat(shareOn()).isZero();
    }

    @Test
    void theDecisionMatchesTheStrategyWithThePlanSalt() {
        rollout.service.setPercentage("a", "quarter", 1L, 25, true, java.util.Locale.ENGLISH);
        for (String user : users.subList(0, 1000)) {
            assertThat(decider.isEnabled(Features.PAUSABLE_STREAMING, user)).isEqualTo(
                    StickyPercentageStrategy.isEnrolled(rollout.plan.salt(), "PAUSABLE_STREAMING", user, 25));
        }
    }

    @Test
    void noIdentityGetsNoFeatureAndTheThreadHasNoCurrentUser() {
        rollout.service.setPercentage("a", "all", 1L, 100, true, java.util.Locale.ENGLISH);
        assertThat(decider.isEnabled(Features.PAUSABLE_STREAMING, null)).isFalse();
        assertThat(decider.isEnabled(Features.PAUSABLE_STREAMING, " ")).isFalse();
        assertThat(decider.isEnabled(Features.PAUSABLE_STREAMING, "someone-1234567890")).isTrue();
        assertThat(manager.getCurrentFeatureUser()).isNull();
        assertThat(manager.isActive(Features.PAUSABLE_STREAMING)).as("no implicit user").isFalse();
    }

    @Test
    void togglzSeesTheStateAndOnlyOurStrategy() {
        rollout.service.setPercentage("a", "ten", 1L, 10, true, java.util.Locale.ENGLISH);
        FeatureState state = manager.getFeatureState(Features.PAUSABLE_STREAMING);
        assertThat(state.isEnabled()).isTrue();
        assertThat(state.getStrategyId()).isEqualTo("sticky-percentage");
        assertThat(state.getParameter("percentage")).isEqualTo("10");
        assertThat(manager.getActivationStrategies()).extracting(s -> s.getId()).containsExactly("sticky-percentage");
        assertThat(manager.getMetaData(Features.PAUSABLE_STREAMING).getLabel()).startsWith("Pausable streaming");
    }

    @Test
    void writesThroughTogglzAreRefusedSoNoUpdateIsLost() {
        assertThatThrownBy(() -> manager.enable(Features.PAUSABLE_STREAMING))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("/api/admin/rollout");
        assertThat(rollout.service.current().version()).isEqualTo(1);
    }
}
