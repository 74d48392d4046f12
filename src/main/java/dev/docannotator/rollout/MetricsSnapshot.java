package dev.docannotator.rollout;

import java.time.Instant;

/** Both cohorts' figures since {@code windowStart}: pausable = users with the feature on, off = the rest. */
public record MetricsSnapshot(Instant windowStart, CohortFigures pausable, CohortFigures off) {
}
