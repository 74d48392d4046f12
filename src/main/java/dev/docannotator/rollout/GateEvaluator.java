package dev.docannotator.rollout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Judges the plan's gates against a metrics snapshot. Pure: no clock, no storage. */
public final class GateEvaluator {

    private final RolloutPlan plan;

    public GateEvaluator(RolloutPlan plan) {
        this.plan = plan;
    }

    /** Every gate's result, keyed by gate name, in the plan's fixed order. */
    public Map<String, GateResult> evaluate(MetricsSnapshot snapshot) {
        Map<String, GateResult> results = new LinkedHashMap<>();
        for (Gate gate : Gate.values()) {
            results.put(gate.key(), evaluate(gate, snapshot));
        }
        return results;
    }

    private GateResult evaluate(Gate gate, MetricsSnapshot snapshot) {
        GateRule rule = plan.rule(gate);
        Sample on = sample(gate, snapshot.pausable());
        Sample off = sample(gate, snapshot.off());
        Double baseline = off.count() >= rule.minSamples() ? off.value() : null;
        String must = gate.comparison() + " " + format(gate, rule.threshold());
        if (on.count() < rule.minSamples() || on.value() == null) {
            return new GateResult(gate.key(), GateStatus.INCONCLUSIVE, on.value(), rule.threshold(), gate.comparison(),
                    gate.unit(), on.count(), rule.minSamples(), baseline,
                    gate.key() + " is inconclusive: " + on.count() + " of " + rule.minSamples() + " samples needed");
        }
        boolean passes = gate.passes(on.value(), rule.threshold());
        String figure = gate.key() + " " + format(gate, on.value()) + " (must be " + must + ", " + on.count() + " samples)";
        return new GateResult(gate.key(), passes ? GateStatus.PASS : GateStatus.FAIL, on.value(), rule.threshold(),
                gate.comparison(), gate.unit(), on.count(), rule.minSamples(), baseline,
                (passes ? "passes: " : "fails: ") + figure);
    }

    private record Sample(int count, Double value) {
    }

    private static Sample sample(Gate gate, CohortFigures figures) {
        return switch (gate) {
            case CANCEL_LATENCY_P95 -> new Sample(figures.cancelSamples(), figures.cancelLatencyP95Ms());
            case STREAM_SUCCESS_RATE -> new Sample(figures.streams(), figures.streamSuccessRate());
            case SSE_CONNECTION_STABILITY -> new Sample(figures.connections(), figures.connectionStability());
            case MEMORY_RELEASED -> new Sample(figures.memorySamples(), figures.memoryReleasedMean());
        };
    }

    /** "812 ms" or "98.50 %": the figure as an operator reads it. */
    static String format(Gate gate, double value) {
        if ("ms".equals(gate.unit())) {
            return String.format(Locale.ROOT, "%.0f ms", value);
        }
        return String.format(Locale.ROOT, "%.2f %%", value * 100);
    }
}
