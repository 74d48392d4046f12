package dev.docannotator.rollout;

import dev.docannotator.common.Json;
import dev.docannotator.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's rollout actions on one feature: advance (guarded by soak time and gates), rollback, set a
 * percentage, freeze. Every action names the version it was based on, needs a reason, and lands in the history
 * with the gate figures of that moment. No HTTP here: errors are typed exceptions.
 */
public final class RolloutService {

    public static final String AUTO_ROLLBACK_ACTOR = "auto-rollback";
    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);

    private final RolloutPlan plan;
    private final RolloutStore store;
    /** Points per gate chart in the view: enough for a readable line, few enough to stay cheap. */
    private static final int SERIES_POINTS = 24;
    private final RecordedCohortMetrics metrics;
    private final GateEvaluator gates;
    private final Clock clock;

    public RolloutService(RolloutPlan plan, RolloutStore store, RecordedCohortMetrics metrics, Clock clock) {
        this.plan = plan;
        this.store = store;
        this.metrics = metrics;
        this.gates = new GateEvaluator(plan);
        this.clock = clock;
        int initial = plan.initialStage();
        String reason = initial == 0
                ? "new installation starts with the feature off"
                : "new installation starts at stage " + initial + " (configured)";
        store.initialise(new RolloutState(plan.feature(), initial, plan.percentageOf(initial), false, clock.instant(), 1, 0),
                new HistoryEntry(clock.instant(), "system", "install", 0, initial, 0, plan.percentageOf(initial), reason, null));
    }

    public RolloutPlan plan() {
        return plan;
    }

    public RolloutState current() {
        return store.load(plan.feature());
    }

    /** Start of the window the gates judge: the stage's start, but no further back than the plan's max window. */
    public Instant windowStart(RolloutState state) {
        Instant oldest = clock.instant().minus(plan.maxWindow());
        return state.since().isAfter(oldest) ? state.since() : oldest;
    }

    public Evaluation evaluate(RolloutState state) {
        MetricsSnapshot snapshot = metrics.snapshot(state.observationsAfter(), windowStart(state));
        return new Evaluation(snapshot, gates.evaluate(snapshot));
    }

    public RolloutView view(int historyLimit) {
        return view(historyLimit, Locale.ENGLISH);
    }

    /** The whole rollout as the operator API shows it; the advance blockers in {@code locale}'s language. */
    public RolloutView view(int historyLimit, Locale locale) {
        RolloutState state = current();
        Evaluation evaluation = evaluate(state);
        return new RolloutView(state.feature(), state.stage(), state.percentage(),
                plan.stages().stream().map(StageView::of).toList(), state.frozen(), state.since(), state.version(),
                store.history(plan.feature(), historyLimit), evaluation.metrics(), evaluation.gates(),
                advanceCheck(state, evaluation, locale),
                metrics.series(state.observationsAfter(), windowStart(state), clock.instant(), SERIES_POINTS));
    }

    public AdvanceCheck advanceCheck(RolloutState state, Evaluation evaluation) {
        return advanceCheck(state, evaluation, Locale.ENGLISH);
    }

    /** Why the rollout may or may not advance from {@code state} now; at the last stage nothing is listed. */
    public AdvanceCheck advanceCheck(RolloutState state, Evaluation evaluation, Locale locale) {
        if (state.stage() >= plan.lastStage()) {
            return new AdvanceCheck(false, null, List.of(), null);
        }
        Blockers text = new Blockers(locale);
        List<String> blockers = new ArrayList<>();
        if (state.frozen()) {
            blockers.add(text.frozen());
        }
        Duration required = requiredSoak(state);
        Duration elapsed = Duration.between(state.since(), clock.instant());
        blockers.addAll(text.expansion(state, required, elapsed, evaluation));
        String soakRemaining = state.percentage() > 0 && elapsed.compareTo(required) < 0
                ? required.minus(elapsed).toString() : null;
        return new AdvanceCheck(blockers.isEmpty(), state.stage() + 1, List.copyOf(blockers), soakRemaining);
    }

    /** The soak the current stage needs; a stage beyond the plan (the plan file shrank since) has none of its own. */
    private Duration requiredSoak(RolloutState state) {
        return state.stage() >= 1 && state.stage() <= plan.lastStage() ? plan.stage(state.stage()).minSoak() : Duration.ZERO;
    }

    /** What keeps {@code state} from expanding (soak, gates), in {@code locale}; frozen is checked by the caller. */
    private List<String> expansionBlockers(RolloutState state, Evaluation evaluation, Locale locale) {
        return new Blockers(locale).expansion(state, requiredSoak(state), Duration.between(state.since(), clock.instant()),
                evaluation);
    }

    public RolloutState advance(String actor, String reason, Long version, boolean force) {
        return advance(actor, reason, version, force, Locale.ENGLISH);
    }

    /** Moves to the next stage; refused (409) while frozen, at the last stage, or, unless forced, by soak or gates. */
    public RolloutState advance(String actor, String reason, Long version, boolean force, Locale locale) {
        Messages messages = messages(locale);
        requireReason(reason, messages);
        RolloutState state = at(version, messages);
        if (state.stage() >= plan.lastStage()) {
            throw new RolloutConflictException(messages.get("advance.last_stage", plan.lastStage()));
        }
        if (state.frozen()) {
            throw new RolloutConflictException(messages.get("advance.frozen"));
        }
        Evaluation evaluation = evaluate(state);
        List<String> blockers = expansionBlockers(state, evaluation, locale);
        if (!blockers.isEmpty() && !force) {
            throw new RolloutConflictException(messages.get("advance.blocked", String.join(" ", blockers)));
        }
        int next = state.stage() + 1;
        return move(state, actor, blockers.isEmpty() ? "advance" : "force_advance", next, plan.percentageOf(next),
                recorded(reason, state, evaluation, blockers.isEmpty()), evaluation);
    }

    /** The reason as the history keeps it: a forced change also names what it overrode (in English, for everyone). */
    private String recorded(String reason, RolloutState state, Evaluation evaluation, boolean allowed) {
        return allowed ? reason
                : reason.strip() + " [forced past: " + String.join(" ", expansionBlockers(state, evaluation, Locale.ENGLISH)) + "]";
    }

    public RolloutState rollback(String actor, String reason, Long version, Integer toStage) {
        return rollback(actor, reason, version, toStage, Locale.ENGLISH);
    }

    /** Goes back to the previous stage, or to {@code toStage} (0 = off for everyone); always allowed, even frozen. */
    public RolloutState rollback(String actor, String reason, Long version, Integer toStage, Locale locale) {
        Messages messages = messages(locale);
        requireReason(reason, messages);
        if (toStage != null && (toStage < 0 || toStage > plan.lastStage())) {
            throw new InvalidRolloutRequestException(messages.get("rollback.to_stage_range", plan.lastStage()));
        }
        RolloutState state = at(version, messages);
        return rollbackFrom(state, actor, "rollback", toStage, reason, messages);
    }

    /** Rolls back one stage on behalf of the gate evaluator; a stale version means someone acted first. */
    public RolloutState autoRollback(long version, String reason) {
        Messages messages = messages(Locale.ENGLISH);
        RolloutState state = at(version, messages);
        RolloutState after = rollbackFrom(state, AUTO_ROLLBACK_ACTOR, "auto_rollback", null, reason, messages);
        LOG.warn("Rollout of {} rolled back automatically to stage {} ({} %): {}",
                plan.feature(), after.stage(), after.percentage(), reason);
        return after;
    }

    private RolloutState rollbackFrom(RolloutState state, String actor, String action, Integer toStage, String reason,
                                      Messages messages) {
        int target;
        if (toStage != null) {
            target = toStage;
        } else {
            // Off-plan percentages (set by hand) fall back to their own stage first.
            target = state.percentage() > plan.percentageOf(state.stage()) ? state.stage() : state.stage() - 1;
        }
        if (state.percentage() == 0) {
            throw new RolloutConflictException(messages.get("rollback.already_off"));
        }
        if (target < 0 || plan.percentageOf(target) >= state.percentage()) {
            throw new RolloutConflictException(messages.get("rollback.not_lower", target,
                    plan.percentageOf(Math.max(0, target)), state.percentage()));
        }
        return move(state, actor, action, target, plan.percentageOf(target), reason, evaluate(state));
    }

    public RolloutState setPercentage(String actor, String reason, Long version, Integer percentage) {
        return setPercentage(actor, reason, version, percentage, false, Locale.ENGLISH);
    }

    /**
     * Sets any percentage 0–100 by hand. Lowering is always allowed (a rollback). Raising is refused while frozen,
     * and, unless forced, by the same soak and gates as advance; a forced raise is recorded as {@code force_percentage}.
     */
    public RolloutState setPercentage(String actor, String reason, Long version, Integer percentage, boolean force,
                                      Locale locale) {
        Messages messages = messages(locale);
        requireReason(reason, messages);
        if (percentage == null || percentage < 0 || percentage > 100) {
            throw new InvalidRolloutRequestException(messages.get("percentage.range"));
        }
        RolloutState state = at(version, messages);
        if (percentage == state.percentage()) {
            throw new RolloutConflictException(messages.get("percentage.same", percentage));
        }
        Evaluation evaluation = evaluate(state);
        if (percentage < state.percentage()) {
            return move(state, actor, "percentage", plan.stageFor(percentage), percentage, reason, evaluation);
        }
        if (state.frozen()) {
            throw new RolloutConflictException(messages.get("percentage.frozen"));
        }
        List<String> blockers = expansionBlockers(state, evaluation, locale);
        if (!blockers.isEmpty() && !force) {
            throw new RolloutConflictException(messages.get("percentage.blocked", percentage, String.join(" ", blockers)));
        }
        return move(state, actor, blockers.isEmpty() ? "percentage" : "force_percentage", plan.stageFor(percentage),
                percentage, recorded(reason, state, evaluation, blockers.isEmpty()), evaluation);
    }

    /** Stops any expansion (advance, raising the percentage); rollbacks stay possible. */
    public RolloutState freeze(String actor, String reason, Long version) {
        return setFrozen(actor, reason, version, true, Locale.ENGLISH);
    }

    public RolloutState freeze(String actor, String reason, Long version, Locale locale) {
        return setFrozen(actor, reason, version, true, locale);
    }

    public RolloutState unfreeze(String actor, String reason, Long version) {
        return setFrozen(actor, reason, version, false, Locale.ENGLISH);
    }

    public RolloutState unfreeze(String actor, String reason, Long version, Locale locale) {
        return setFrozen(actor, reason, version, false, locale);
    }

    private RolloutState setFrozen(String actor, String reason, Long version, boolean frozen, Locale locale) {
        Messages messages = messages(locale);
        requireReason(reason, messages);
        RolloutState state = at(version, messages);
        if (state.frozen() == frozen) {
            throw new RolloutConflictException(messages.get(frozen ? "freeze.already" : "unfreeze.already"));
        }
        HistoryEntry entry = new HistoryEntry(clock.instant(), actor, frozen ? "freeze" : "unfreeze",
                state.stage(), state.stage(), state.percentage(), state.percentage(), reason.strip(),
                Json.write(evaluate(state)));
        return store.compareAndSet(state.version(), state.withFrozen(frozen), false, entry);
    }

    private RolloutState move(RolloutState state, String actor, String action, int stage, int percentage,
            String reason, Evaluation evaluation) {
        Instant now = clock.instant();
        HistoryEntry entry = new HistoryEntry(now, actor, action, state.stage(), stage, state.percentage(), percentage,
                reason.strip(), Json.write(evaluation));
        return store.compareAndSet(state.version(), state.moveTo(stage, percentage, now), true, entry);
    }

    /** The current state, provided the caller's version is still current (409 otherwise). */
    private RolloutState at(Long version, Messages messages) {
        if (version == null) {
            throw new InvalidRolloutRequestException(messages.get("version.required"));
        }
        RolloutState state = current();
        if (state.version() != version) {
            throw new RolloutConflictException(messages.get("version.stale", version, state.version()));
        }
        return state;
    }

    private static void requireReason(String reason, Messages messages) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRolloutRequestException(messages.get("reason.required"));
        }
        if (reason.length() > 1000) {
            throw new InvalidRolloutRequestException(messages.get("reason.too_long"));
        }
    }

    private static Messages messages(Locale locale) {
        return new Messages("rollout", locale);
    }
}
