package dev.docannotator.rollout;

import java.util.Map;

/** The metrics of the current window and the gates judged on them. */
public record Evaluation(MetricsSnapshot metrics, Map<String, GateResult> gates) {

    /** Whether every gate passes (inconclusive is not a pass). */
    public boolean allPass() {
        return gates.values().stream().allMatch(g -> g.status() == GateStatus.PASS);
    }
}
