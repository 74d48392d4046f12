package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.user.SimpleFeatureUser;
import org.togglz.core.util.NamedFeature;

class StickyPercentageStrategyTest {

    private static final String SALT = "test-salt";
    private static final int USERS = 100_000;
    private static final List<String> userIds = new ArrayList<>();
    private static final RolloutPlan plan = new RolloutPlanLoader().fromClasspath();

    @BeforeAll
    static void makeUsers() {
        Random random = new Random(20261123L);
        for (int i = 0; i < USERS; i++) {
            userIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
    }

    @Test
    void everyStageEnrolsItsPercentageWithinHalfAPoint() {
        for (PlanStage stage : plan.stages()) {
            long enrolled = userIds.stream()
                    .filter(u -> StickyPercentageStrategy.isEnrolled(SALT, "PAUSABLE_STREAMING", u, stage.percentage()))
                    .count();
            double share = 100.0 * enrolled / USERS;
            assertThat(share).as("stage %d (%d %%)", stage.stage(), stage.percentage())
                    .isCloseTo(stage.percentage(), within(0.5));
        }
    }

    @Test
    void aUserEnrolledAtAStageStaysEnrolledAtEveryLaterStage() {
        for (String user : userIds) {
            boolean before = false;
            for (PlanStage stage : plan.stages()) {
                boolean now = StickyPercentageStrategy.isEnrolled(SALT, "PAUSABLE_STREAMING", user, stage.percentage());
                assertThat(!before || now).as("user %s dropped out at stage %d", user, stage.stage()).isTrue();
                before = now;
            }
            assertThat(before).as("everyone is in at 100 %").isTrue();
        }
    }

    @Test
    void twoFeaturesAtTenPercentShareAboutOnePercentOfUsers() {
        StickyPercentageStrategy strategy = new StickyPercentageStrategy();
        FeatureState first = state("PAUSABLE_STREAMING", 10);
        FeatureState second = state("PAUSABLE_STREAMING_V2", 10); // a similarly named feature: the worst case for hashCode
        long both = 0;
        long firstOnly = 0;
        for (String user : userIds) {
            SimpleFeatureUser featureUser = new SimpleFeatureUser(user);
            boolean a = strategy.isActive(first, featureUser);
            boolean b = strategy.isActive(second, featureUser);
            both += a && b ? 1 : 0;
            firstOnly += a ? 1 : 0;
        }
        assertThat(100.0 * firstOnly / USERS).isCloseTo(10.0, within(0.5));
        assertThat(100.0 * both / USERS).as("independent cohorts overlap by 10 % × 10 %").isCloseTo(1.0, within(0.2));
    }

    @Test
    void theSaltReshufflesTheCohort() {
        long same = userIds.stream().limit(10_000)
                .filter(u -> StickyPercentageStrategy.isEnrolled("a", "F", u, 50) == StickyPercentageStrategy.isEnrolled("b", "F", u, 50))
                .count();
        assertThat(same / 10_000.0).isCloseTo(0.5, within(0.03));
    }

    @Test
    void noUserOrNoIdentityIsNeverEnrolledAndZeroPercentEnrolsNobody() {
        StickyPercentageStrategy strategy = new StickyPercentageStrategy();
        assertThat(strategy.isActive(state("F", 100), null)).isFalse();
        assertThat(strategy.isActive(state("F", 100), new SimpleFeatureUser(""))).isFalse();
        assertThat(userIds.stream().limit(1000).anyMatch(u -> strategy.isActive(state("F", 0), new SimpleFeatureUser(u)))).isFalse();
    }

    @Test
    void aCorruptPercentageEnrolsNobody() {
        FeatureState corrupt = state("F", 0).setParameter(StickyPercentageStrategy.PARAM_PERCENTAGE, "lots");
        assertThat(new StickyPercentageStrategy().isActive(corrupt, new SimpleFeatureUser(userIds.get(0)))).isFalse();
    }

    @Test
    void itHasItsOwnIdNotTogglzGradual() {
        assertThat(new StickyPercentageStrategy().getId()).isEqualTo("sticky-percentage");
    }

    private static FeatureState state(String feature, int percentage) {
        return new FeatureState(new NamedFeature(feature), true)
                .setStrategyId(StickyPercentageStrategy.ID)
                .setParameter(StickyPercentageStrategy.PARAM_PERCENTAGE, Integer.toString(percentage))
                .setParameter(StickyPercentageStrategy.PARAM_SALT, SALT);
    }
}
