package dev.docannotator.rollout;

import java.util.List;

/**
 * Whether the rollout may advance now, and if not, every reason why (soak time, gates, frozen, last stage).
 * {@code soakRemaining} is an ISO-8601 duration, absent once the soak is over.
 */
public record AdvanceCheck(boolean allowed, Integer nextStage, List<String> blockers, String soakRemaining) {
}
