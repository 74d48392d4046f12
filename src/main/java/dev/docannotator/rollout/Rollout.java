package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.SqlAccess;
import java.time.Clock;
import java.time.Duration;
import org.togglz.core.manager.FeatureManager;

/**
 * The rollout wired together for the composition root: the feature decider and cohort metrics the server needs,
 * the operator service and token for the admin routes, and the periodic gate evaluator ({@link #start}/{@link #stop}).
 */
public final class Rollout implements AutoCloseable {

    private final RolloutPlan plan;
    private final FeatureManager featureManager;
    private final FeatureDecider decider;
    private final RecordedCohortMetrics metrics;
    private final RolloutService service;
    private final RolloutEvaluator evaluator;
    private final AdminToken adminToken;

    private Rollout(RolloutPlan plan, FeatureManager featureManager, RecordedCohortMetrics metrics,
            RolloutService service, AdminToken adminToken) {
        this.plan = plan;
        this.featureManager = featureManager;
        this.decider = new TogglzFeatureDecider(featureManager);
        this.metrics = metrics;
        this.service = service;
        this.evaluator = new RolloutEvaluator(service, metrics);
        this.adminToken = adminToken;
    }

    /** Builds the rollout on {@code database} (migrating it) from the plan and settings. */
    public static Rollout create(Database database, RolloutSettings settings, Clock clock) {
        return create((SqlAccess) database, settings, clock);
    }

    /**
     * Builds the rollout on {@code tables}. The state repository reads the stored state on every decision (no cache),
     * so with the shared PostgreSQL tables every instance sees an operator's change at its next decision.
     */
    public static Rollout create(SqlAccess tables, RolloutSettings settings, Clock clock) {
        RolloutPlanLoader loader = new RolloutPlanLoader();
        RolloutPlan plan = (settings.planFile() == null ? loader.fromClasspath() : loader.fromFile(settings.planFile()))
                .withOverrides(settings.salt(), settings.initialStage());
        RolloutStore store = new RolloutStore(tables);
        RecordedCohortMetrics metrics = new RecordedCohortMetrics(tables, plan.feature(), clock);
        RolloutService service = new RolloutService(plan, store, metrics, clock);
        FeatureManager manager = FeatureManagerFactory.create(
                new RolloutStateRepository(store, plan.salt()), new StickyPercentageStrategy());
        AdminToken token = AdminToken.resolve(settings.adminToken(), settings.dataDir());
        return new Rollout(plan, manager, metrics, service, token);
    }

    public RolloutPlan plan() {
        return plan;
    }

    public FeatureManager featureManager() {
        return featureManager;
    }

    /** For the server: decide PAUSABLE_STREAMING once per task. */
    public FeatureDecider decider() {
        return decider;
    }

    /** For the server: record cancel latency, stream outcomes, connection closes, memory released. */
    public CohortMetrics metrics() {
        return metrics;
    }

    public RolloutService service() {
        return service;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    public RolloutEvaluator evaluator() {
        return evaluator;
    }

    /** Starts the periodic gate evaluation (auto-rollback). */
    public void start() {
        evaluator.start();
    }

    public void stop() {
        evaluator.stop();
    }

    /** Stops the gate evaluation, waiting up to {@code maxWait} for a running round; returns whether it ended. */
    public boolean stop(Duration maxWait) {
        return evaluator.stop(maxWait);
    }

    @Override
    public void close() {
        stop();
    }
}
