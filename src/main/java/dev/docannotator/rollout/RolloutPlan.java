package dev.docannotator.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checked-in rollout plan of one feature (feature-flags/*.json): its stages, gate thresholds,
 * minimum sample sizes and the auto-rollback rule. Stage 0 (off) is implicit.
 */
public record RolloutPlan(
        String feature,
        String description,
        String strategy,
        String salt,
        int initialStage,
        Duration evaluationInterval,
        int autoRollbackAfter,
        Duration maxWindow,
        List<PlanStage> stages,
        Map<String, GateRule> gates) {

    public RolloutPlan {
        stages = stages == null ? List.of() : List.copyOf(stages);
        gates = gates == null ? Map.of() : Map.copyOf(gates);
        List<String> problems = problems(feature, salt, initialStage, evaluationInterval, autoRollbackAfter,
                maxWindow, stages, gates);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static List<String> problems(String feature, String salt, int initialStage, Duration evaluationInterval,
            int autoRollbackAfter, Duration maxWindow, List<PlanStage> stages, Map<String, GateRule> gates) {
        List<String> problems = new ArrayList<>();
        if (feature == null || feature.isBlank()) {
            problems.add("feature is missing");
        }
        if (salt == null || salt.isBlank()) {
            problems.add("salt is missing");
        }
        if (stages.isEmpty()) {
            problems.add("there are no stages");
        }
        int previous = 0;
        for (int i = 0; i < stages.size(); i++) {
            PlanStage stage = stages.get(i);
            if (stage.stage() != i + 1) {
                problems.add("stage #" + (i + 1) + " is numbered " + stage.stage() + " (stages are numbered 1, 2, 3… in order)");
            }
            if (stage.percentage() <= previous || stage.percentage() > 100) {
                problems.add("stage " + stage.stage() + " has percentage " + stage.percentage()
                        + " (each stage must be above the previous one and at most 100)");
            }
            if (stage.name() == null || stage.name().isBlank()) {
                problems.add("stage " + stage.stage() + " has no name");
            }
            if (stage.minSoak() == null || stage.minSoak().isNegative()) {
                problems.add("stage " + stage.stage() + " needs a min_soak duration such as PT24H");
            }
            previous = stage.percentage();
        }
        if (initialStage < 0 || initialStage > stages.size()) {
            problems.add("initial_stage " + initialStage + " is not between 0 and " + stages.size());
        }
        if (evaluationInterval == null || evaluationInterval.isNegative() || evaluationInterval.isZero()) {
            problems.add("evaluation_interval must be a positive duration such as PT1M");
        }
        if (autoRollbackAfter < 1) {
            problems.add("auto_rollback_after must be at least 1");
        }
        if (maxWindow == null || maxWindow.isNegative() || maxWindow.isZero()) {
            problems.add("max_window must be a positive duration such as P7D");
        }
        for (Gate gate : Gate.values()) {
            GateRule rule = gates.get(gate.key());
            if (rule == null) {
                problems.add("gate " + gate.key() + " is missing");
            } else if (rule.minSamples() < 1) {
                problems.add("gate " + gate.key() + " needs min_samples of at least 1");
            }
        }
        return problems;
    }

    /** The number of the last stage (100 % in a complete plan). */
    public int lastStage() {
        return stages.size();
    }

    /** The plan entry of stage {@code n} (1…last). */
    public PlanStage stage(int n) {
        if (n < 1 || n > stages.size()) {
            throw new IllegalArgumentException("There is no stage " + n + " (stages are 1–" + stages.size() + ").");
        }
        return stages.get(n - 1);
    }

    /** The percentage of stage {@code n}; stage 0 is off. */
    public int percentageOf(int n) {
        return n == 0 ? 0 : stage(n).percentage();
    }

    /** The highest stage whose percentage is at most {@code percentage} (0 below the first stage). */
    public int stageFor(int percentage) {
        int result = 0;
        for (PlanStage stage : stages) {
            if (stage.percentage() <= percentage) {
                result = stage.stage();
            }
        }
        return result;
    }

    public GateRule rule(Gate gate) {
        return gates.get(gate.key());
    }

    /** The same plan with another salt and initial stage (settings override the checked-in values). */
    public RolloutPlan withOverrides(String newSalt, Integer newInitialStage) {
        return new RolloutPlan(feature, description, strategy,
                newSalt == null || newSalt.isBlank() ? salt : newSalt,
                newInitialStage == null ? initialStage : newInitialStage,
                evaluationInterval, autoRollbackAfter, maxWindow, stages, gates);
    }
}
