package dev.docannotator.rollout;

/**
 * The gate figures of one cohort over the current window; a figure is null when its cohort has no observation.
 * Rates and {@code memoryReleasedMean} are ratios 0..1.
 */
public record CohortFigures(
        int cancelSamples,
        Double cancelLatencyP95Ms,
        int streams,
        Double streamSuccessRate,
        int connections,
        Double connectionStability,
        int memorySamples,
        Double memoryReleasedMean) {
}
