package dev.docannotator.rollout;

/**
 * One gate's verdict on the pausable cohort, with the figure, the rule and, where the off cohort has
 * enough data for the same figure, its value for comparison ({@code baseline}).
 */
public record GateResult(
        String gate,
        GateStatus status,
        Double value,
        double threshold,
        String comparison,
        String unit,
        int samples,
        int minSamples,
        Double baseline,
        String message) {
}
