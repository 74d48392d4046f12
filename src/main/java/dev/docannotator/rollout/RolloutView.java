package dev.docannotator.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything GET /api/admin/rollout shows: state, plan, history (newest first), metrics, gates, advance check. */
public record RolloutView(
        String feature,
        int stage,
        int percentage,
        List<StageView> stages,
        boolean frozen,
        Instant since,
        long version,
        List<HistoryEntry> history,
        MetricsSnapshot metrics,
        Map<String, GateResult> gates,
        AdvanceCheck advance) {
}
