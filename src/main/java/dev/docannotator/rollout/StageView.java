package dev.docannotator.rollout;

/** A plan stage as the operator API shows it ({@code minSoak} as an ISO-8601 duration). */
public record StageView(int stage, int percentage, String name, String minSoak, String audience, String verifies) {

    static StageView of(PlanStage stage) {
        return new StageView(stage.stage(), stage.percentage(), stage.name(), stage.minSoak().toString(),
                stage.audience(), stage.verifies());
    }
}
