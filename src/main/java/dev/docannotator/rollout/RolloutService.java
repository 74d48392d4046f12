package dev.docannotator.rollout;

import dev.docannotator.common.Json;
import dev.docannotator.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        RolloutState state = current();
        Evaluation evaluation = evaluate(state);
        return new RolloutView(state.feature(), state.stage(), state.percentage(),
                plan.stages().stream().map(StageView::of).toList(), state.frozen(), state.since(), state.version(),
                store.history(plan.feature(), historyLimit), evaluation.metrics(), evaluation.gates(),
                advanceCheck(state, evaluation),
                metrics.series(state.observationsAfter(), windowStart(state), clock.instant(), SERIES_POINTS));
    }

    /** Why the rollout may or may not advance from {@code state} now. */
    public AdvanceCheck advanceCheck(RolloutState state, Evaluation evaluation) {
        List<String> blockers = new ArrayList<>();
        Integer next = state.stage() < plan.lastStage() ? state.stage() + 1 : null;
        if (next == null) {
            blockers.add("the rollout is already at its last stage (" + plan.lastStage() + ")");
        }
        if (state.frozen()) {
            blockers.add("the rollout is frozen; unfreeze it first");
        }
        String soakRemaining = null;
        if (state.percentage() > 0) {
            // A stage beyond the plan (the plan file shrank since) has no soak of its own.
            Duration required = state.stage() >= 1 && state.stage() <= plan.lastStage()
                    ? plan.stage(state.stage()).minSoak() : Duration.ZERO;
            Duration elapsed = Duration.between(state.since(), clock.instant());
            if (elapsed.compareTo(required) < 0) {
                soakRemaining = required.minus(elapsed).toString();
                blockers.add("soak time not finished: " + human(elapsed) + " of " + human(required) + " elapsed");
            }
            for (GateResult gate : evaluation.gates().values()) {
                if (gate.status() != GateStatus.PASS) {
                    blockers.add("gate " + gate.message());
                }
            }
        }
        return new AdvanceCheck(blockers.isEmpty(), next, List.copyOf(blockers), soakRemaining);
    }

    /** Moves to the next stage; refused (409) while frozen, at the last stage, or, unless forced, by soak or gates. */
    public RolloutState advance(String actor, String reason, Long version, boolean force) {
        requireReason(reason);
        RolloutState state = at(version);
        Evaluation evaluation = evaluate(state);
        AdvanceCheck check = advanceCheck(state, evaluation);
        if (state.stage() >= plan.lastStage()) {
            throw new RolloutConflictException("The rollout is already at its last stage (" + plan.lastStage() + ").");
        }
        if (state.frozen()) {
            throw new RolloutConflictException("The rollout is frozen; unfreeze it before advancing.");
        }
        if (!check.allowed() && !force) {
            throw new RolloutConflictException("Cannot advance: " + String.join("; ", check.blockers())
                    + ". Wait, or send force=true with a reason.");
        }
        int next = state.stage() + 1;
        String action = check.allowed() ? "advance" : "force_advance";
        String recorded = check.allowed() ? reason : reason + " [forced past: " + String.join("; ", check.blockers()) + "]";
        return move(state, actor, action, next, plan.percentageOf(next), recorded, evaluation);
    }

    /** Goes back to the previous stage, or to {@code toStage} (0 = off for everyone); always allowed, even frozen. */
    public RolloutState rollback(String actor, String reason, Long version, Integer toStage) {
        requireReason(reason);
        if (toStage != null && (toStage < 0 || toStage > plan.lastStage())) {
            throw ApiException.invalidRequest("to_stage must be between 0 and " + plan.lastStage() + ".");
        }
        RolloutState state = at(version);
        return rollbackFrom(state, actor, "rollback", toStage, reason);
    }

    /** Rolls back one stage on behalf of the gate evaluator; a stale version means someone acted first. */
    public RolloutState autoRollback(long version, String reason) {
        RolloutState state = at(version);
        RolloutState after = rollbackFrom(state, AUTO_ROLLBACK_ACTOR, "auto_rollback", null, reason);
        LOG.warn("Rollout of {} rolled back automatically to stage {} ({} %): {}",
                plan.feature(), after.stage(), after.percentage(), reason);
        return after;
    }

    private RolloutState rollbackFrom(RolloutState state, String actor, String action, Integer toStage, String reason) {
        int target;
        if (toStage != null) {
            target = toStage;
        } else {
            // Off-plan percentages (set by hand) fall back to their own stage first.
            target = state.percentage() > plan.percentageOf(state.stage()) ? state.stage() : state.stage() - 1;
        }
        if (state.percentage() == 0) {
            throw new RolloutConflictException("The feature is already off (stage 0); there is nothing to roll back.");
        }
        if (target < 0 || plan.percentageOf(target) >= state.percentage()) {
            throw new RolloutConflictException("Stage " + target + " (" + plan.percentageOf(Math.max(0, target))
                    + " %) is not below the current " + state.percentage() + " %; a rollback must reduce the percentage.");
        }
        return move(state, actor, action, target, plan.percentageOf(target), reason, evaluate(state));
    }

    /** Sets any percentage 0–100 by hand; raising it is refused while frozen. */
    public RolloutState setPercentage(String actor, String reason, Long version, Integer percentage) {
        requireReason(reason);
        if (percentage == null || percentage < 0 || percentage > 100) {
            throw ApiException.invalidRequest("percentage must be a whole number from 0 to 100.");
        }
        RolloutState state = at(version);
        if (percentage == state.percentage()) {
            throw new RolloutConflictException("The percentage is already " + percentage + " %.");
        }
        if (state.frozen() && percentage > state.percentage()) {
            throw new RolloutConflictException("The rollout is frozen; the percentage can only be lowered until it is unfrozen.");
        }
        return move(state, actor, "percentage", plan.stageFor(percentage), percentage, reason, evaluate(state));
    }

    /** Stops any expansion (advance, raising the percentage); rollbacks stay possible. */
    public RolloutState freeze(String actor, String reason, Long version) {
        return setFrozen(actor, reason, version, true);
    }

    public RolloutState unfreeze(String actor, String reason, Long version) {
        return setFrozen(actor, reason, version, false);
    }

    private RolloutState setFrozen(String actor, String reason, Long version, boolean frozen) {
        requireReason(reason);
        RolloutState state = at(version);
        if (state.frozen() == frozen) {
            throw new RolloutConflictException("The rollout is already " + (frozen ? "frozen" : "not frozen") + ".");
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
    private RolloutState at(Long version) {
        if (version == null) {
            throw ApiException.invalidRequest("version is required: send the version you last read from GET /api/admin/rollout.");
        }
        RolloutState state = current();
        if (state.version() != version) {
            throw new RolloutConflictException("The rollout changed meanwhile: your version is " + version
                    + " but the current version is " + state.version() + "; reload and try again.");
        }
        return state;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalidRequest("reason is required: say why, it goes into the rollout history.");
        }
        if (reason.length() > 1000) {
            throw ApiException.invalidRequest("reason is too long (at most 1000 characters).");
        }
    }

    /** "2h 5m" rather than PT2H5M, for messages. */
    static String human(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append("h ");
        }
        return text.append(mins).append('m').toString();
    }
}
