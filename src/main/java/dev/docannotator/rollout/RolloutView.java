package dev.docannotator.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything GET /api/admin/rollout shows: state, plan, history (newest first), metrics, gates, advance check, and
 * each gate's figure over the current stage ({@code series}, for the console's charts).
 */
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
        AdvanceCheck advance,
        Map<String, List<SeriesPoint>> series) {
}
