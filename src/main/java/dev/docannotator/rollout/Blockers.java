package dev.docannotator.rollout;

import dev.docannotator.common.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why the rollout may not expand (advance, or raise the percentage) now, as sentences an operator reads in one
 * language: gate names instead of ids, figures as "812 ms" / "98.50 %", durations rounded ("45 s left of 60 s").
 */
final class Blockers {
    private final Messages messages;

    Blockers(Locale locale) {
        this.messages = new Messages("rollout", locale);
    }

    Messages messages() {
        return messages;
    }

    /** The soak time still to run and the gates that do not pass; nothing when the feature is off (no cohort yet). */
    List<String> expansion(RolloutState state, Duration requiredSoak, Duration elapsed, Evaluation evaluation) {
        List<String> blockers = new ArrayList<>();
        if (state.percentage() == 0) {
            return blockers;
        }
        if (elapsed.compareTo(requiredSoak) < 0) {
            blockers.add(messages.get("blocker.soak", duration(requiredSoak.minus(elapsed), true), duration(requiredSoak, false)));
        }
        for (GateResult gate : evaluation.gates().values()) {
            if (gate.status() != GateStatus.PASS) {
                blockers.add(gate(gate));
            }
        }
        return blockers;
    }

    String frozen() {
        return messages.get("blocker.frozen");
    }

    private String gate(GateResult result) {
        String name = messages.get("gate." + result.gate());
        if (result.status() == GateStatus.INCONCLUSIVE || result.value() == null) {
            return messages.get("blocker.gate.inconclusive", name, result.samples(), result.minSamples());
        }
        Gate gate = gateOf(result.gate());
        return messages.get("blocker.gate.fails", name, GateEvaluator.format(gate, result.value()),
                messages.get(">".equals(result.comparison()) ? "gate.above" : "gate.below"),
                GateEvaluator.format(gate, result.threshold()), result.samples());
    }

    private static Gate gateOf(String key) {
        for (Gate gate : Gate.values()) {
            if (gate.key().equals(key)) {
                return gate;
            }
        }
        throw new IllegalArgumentException("unknown gate " + key);
    }

    /**
     * One whole unit an operator reads at a glance: seconds under 2 min, minutes under 2 h, hours under 2 days,
     * then days. Time left is rounded up, so a blocked stage never shows "0 s left".
     */
    String duration(Duration duration, boolean roundUp) {
        long millis = Math.max(0, duration.toMillis());
        long[] units = {1_000, 60_000, 3_600_000, 86_400_000};
        String[] keys = {"unit.seconds", "unit.minutes", "unit.hours", "unit.days"};
        long[] below = {120_000, 7_200_000, 172_800_000, Long.MAX_VALUE};
        for (int i = 0; i < units.length; i++) {
            if (millis < below[i]) {
                long amount = roundUp ? (millis + units[i] - 1) / units[i] : Math.round((double) millis / units[i]);
                return messages.get(keys[i], amount);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
