package dev.docannotator.rollout;

import java.time.Instant;

/**
 * Where a feature's rollout stands: its stage (0 = off), the percentage actually in force (normally the stage's,
 * but an operator may set any 0–100), whether expansion is frozen, since when this percentage holds,
 * and the version every write must be based on. {@code observationsAfter} is the id of the last gate observation
 * recorded before this percentage took effect: the gates judge only later ones (exact, unlike a time boundary).
 */
public record RolloutState(String feature, int stage, int percentage, boolean frozen, Instant since, long version,
        long observationsAfter) {

    RolloutState moveTo(int newStage, int newPercentage, Instant now) {
        return new RolloutState(feature, newStage, newPercentage, frozen, now, version, observationsAfter);
    }

    RolloutState withFrozen(boolean newFrozen) {
        return new RolloutState(feature, stage, percentage, newFrozen, since, version, observationsAfter);
    }
}
