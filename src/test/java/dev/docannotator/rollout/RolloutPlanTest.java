package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutPlanTest {

    @Test
    void theJarShipsTheCheckedInPlan() throws IOException {
        byte[] canonical = Files.readAllBytes(Path.of("feature-flags/pausable-streaming.json"));
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(RolloutPlanLoader.DEFAULT_RESOURCE)) {
            assertThat(shipped).as("classpath copy").isNotNull();
            assertThat(new String(shipped.readAllBytes()))
                    .as("the build copies feature-flags/pausable-streaming.json onto the classpath")
                    .isEqualTo(new String(canonical));
        }
    }

    @Test
    void thePlanHasTheSevenStagesAndTheGateThresholds() {
        RolloutPlan plan = new RolloutPlanLoader().fromFile(Path.of("feature-flags/pausable-streaming.json"));
        assertThat(plan.feature()).isEqualTo(Features.PAUSABLE_STREAMING.name());
        assertThat(plan.stages()).extracting(PlanStage::percentage).containsExactly(5, 10, 15, 25, 50, 75, 100);
        assertThat(plan.stages()).extracting(PlanStage::name)
                .containsExactly("canary", "early users", "small scale", "medium scale", "large scale", "near full", "full");
        assertThat(plan.stage(1).minSoak()).isEqualTo(Duration.ofHours(24));
        assertThat(plan.rule(Gate.CANCEL_LATENCY_P95).threshold()).isEqualTo(500);
        assertThat(plan.rule(Gate.STREAM_SUCCESS_RATE).threshold()).isEqualTo(0.99);
        assertThat(plan.rule(Gate.SSE_CONNECTION_STABILITY).threshold()).isEqualTo(0.995);
        assertThat(plan.rule(Gate.MEMORY_RELEASED).threshold()).isEqualTo(0.80);
        assertThat(plan.autoRollbackAfter()).isEqualTo(3);
        assertThat(plan.initialStage()).isZero();
    }

    @Test
    void stagesAreFoundByPercentage() {
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath();
        assertThat(plan.stageFor(0)).isZero();
        assertThat(plan.stageFor(4)).isZero();
        assertThat(plan.stageFor(5)).isEqualTo(1);
        assertThat(plan.stageFor(30)).isEqualTo(4);
        assertThat(plan.stageFor(100)).isEqualTo(7);
    }

    @Test
    void aBrokenPlanIsRejectedWithEveryProblemNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, """
                {"feature": "F", "salt": "s", "initial_stage": 9, "evaluation_interval": "PT1M", "auto_rollback_after": 3,
                 "max_window": "P7D",
                 "stages": [{"stage": 1, "percentage": 10, "name": "a", "min_soak": "PT1H"},
                            {"stage": 2, "percentage": 5, "name": "b", "min_soak": "PT1H"}],
                 "gates": {}}
                """);
        assertThatThrownBy(() -> new RolloutPlanLoader().fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 2 has percentage 5")
                .hasMessageContaining("initial_stage 9")
                .hasMessageContaining("gate cancel_latency_p95 is missing");
    }

    @Test
    void malformedJsonIsReportedWithItsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, "{\"feature\": ");
        assertThatThrownBy(() -> new RolloutPlanLoader().fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid rollout plan " + file);
    }
}
