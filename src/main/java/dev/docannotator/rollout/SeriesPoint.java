package dev.docannotator.rollout;

import java.time.Instant;

/** A gate's figure over the current stage as it stood at {@code at}: the pausable cohort's observations up to then. */
public record SeriesPoint(Instant at, double value, int samples) {
}
