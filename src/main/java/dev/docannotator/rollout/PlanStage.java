package dev.docannotator.rollout;

import java.time.Duration;

/**
 * One stage of the rollout plan: who gets the feature, how long the stage must run before the next,
 * and what it is meant to prove.
 */
public record PlanStage(int stage, int percentage, String name, Duration minSoak, String audience, String verifies) {
}
