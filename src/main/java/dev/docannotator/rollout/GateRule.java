package dev.docannotator.rollout;

/** The threshold of one gate and the number of observations below which it cannot judge. */
public record GateRule(double threshold, int minSamples, String description) {
}
