package dev.docannotator;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.http.AdminRoutes;
import dev.docannotator.http.HttpApi;
import dev.docannotator.http.RouteModule;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Rollout;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.storage.Database;
import dev.docannotator.tasks.TaskMetrics;
import dev.docannotator.tasks.TaskService;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole server (database, task service, HTTP routes) from {@link Settings} and
 * a few overridable collaborators, starts it, and stops it gracefully. Tests build the same application with a
 * temporary data directory and port 0.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Settings settings;
    private final Database database;
    private final PrometheusMeterRegistry registry;
    private final Engine engine;
    private final TaskService tasks;
    private final Rollout rollout;
    private final JvmGcMetrics gcMetrics;
    private final Javalin javalin;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Application(Builder b) {
        this.settings = b.settings;
        this.database = Database.open(settings.dataDir().resolve("annotator.db"));
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Parts parts = new Parts(settings, database, registry, b.clock);
        this.rollout = b.rolloutSettings == null ? null : Rollout.create(database, b.rolloutSettings, b.clock);
        FeatureDecider featureDecider = b.featureDecider != null ? b.featureDecider.apply(parts)
                : rollout != null ? rollout.decider() : FeatureDecider.ALL_ON;
        CohortMetrics cohortMetrics = b.cohortMetrics != null ? b.cohortMetrics.apply(parts)
                : rollout != null ? rollout.metrics() : CohortMetrics.NONE;
        TaskMetrics metrics = new TaskMetrics(registry, cohortMetrics);
        this.engine = b.engine != null ? b.engine : Engines.createDefault(limits(settings));
        TaskService.Options options = new TaskService.Options(settings.workers(), settings.queueCapacity(),
                settings.perUserLimit(), settings.disconnectGrace(), settings.retention(), settings.cleanupInterval(),
                settings.checkpointInterval());
        this.tasks = new TaskService(options, engine, featureDecider, metrics, b.clock, settings.dataDir(), database);
        HttpApi api = new HttpApi(settings, tasks, metrics, registry, featureDecider, this::ready,
                b.pages != null ? b.pages : Application.class.getClassLoader());
        List<RouteModule> modules = new ArrayList<>();
        if (rollout != null) {
            modules.add(new AdminRoutes(rollout.service(), rollout.adminToken()));
        }
        for (Function<Parts, RouteModule> factory : b.routeModules) {
            modules.add(factory.apply(parts));
        }
        this.javalin = api.create(modules);
    }

    /**
     * What the application has built that a collaborator may need (e.g. the rollout state in the database,
     * its own meters in the registry).
     */
    public record Parts(Settings settings, Database database, PrometheusMeterRegistry registry, Clock clock) {
    }

    /** Starts building an application from {@code settings}. */
    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /** The engine's limits with the upload limit from the settings. */
    static DocumentLimits limits(Settings settings) {
        DocumentLimits d = DocumentLimits.defaults();
        return new DocumentLimits(settings.maxUploadBytes(), d.minInflateRatio(), d.maxEntryBytes(), d.maxEntries(),
                d.maxTextChars());
    }

    /** Starts listening; returns this. */
    public Application start() {
        javalin.start(settings.port());
        if (rollout != null) {
            rollout.start();
        }
        LOG.info("DocAnnotator listening on http://localhost:{} (data directory {})", port(),
                settings.dataDir().toAbsolutePath());
        return this;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return javalin.port();
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    public Engine engine() {
        return engine;
    }

    public TaskService tasks() {
        return tasks;
    }

    /** The rollout of PAUSABLE_STREAMING, when this application runs one (see {@link Builder#rollout}). */
    public java.util.Optional<Rollout> rollout() {
        return java.util.Optional.ofNullable(rollout);
    }

    /** Accepting new tasks. */
    public boolean ready() {
        return !stopped.get() && tasks.accepting();
    }

    /**
     * Graceful stop within the shutdown grace period: /ready turns 503 and new tasks are refused, open streams
     * get {@code shutdown}, running tasks checkpoint and become interrupted, everything is written, then the
     * HTTP server and the database close. Safe to call twice.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("Stopping: draining tasks (grace period {} s)", settings.shutdownGrace().toSeconds());
        if (rollout != null) {
            rollout.stop();
        }
        tasks.shutdown(settings.shutdownGrace());
        awaitStreamsClosed(started);
        try {
            javalin.stop();
        } finally {
            tasks.close();
            if (rollout != null) {
                rollout.close();
            }
            gcMetrics.close();
            database.close();
        }
        LOG.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Gives the streams a moment to write their {@code shutdown} event before the connections are closed. */
    private void awaitStreamsClosed(long started) {
        long deadline = started + settings.shutdownGrace().toNanos() - 1_000_000_000L;
        long soft = System.nanoTime() + 2_000_000_000L;
        while (openStreams() > 0 && System.nanoTime() < Math.min(deadline, soft)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private double openStreams() {
        return registry.find("annotator_open_streams").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    @Override
    public void close() {
        stop();
    }

    /** Collaborators that tests and the rollout wiring may replace. */
    public static final class Builder {
        private final Settings settings;
        private Engine engine;
        private Function<Parts, FeatureDecider> featureDecider;
        private Function<Parts, CohortMetrics> cohortMetrics;
        private RolloutSettings rolloutSettings;
        private final List<Function<Parts, RouteModule>> routeModules = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private ClassLoader pages;

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** The document engine (default: every format handler and the embedded analyser). */
        public Builder engine(Engine value) {
            this.engine = value;
            return this;
        }

        /**
         * Runs the gradual rollout of PAUSABLE_STREAMING from these settings: its state in this application's
         * database, its decider and gate metrics (unless replaced below), the operator API and the gate evaluator.
         */
        public Builder rollout(RolloutSettings value) {
            this.rolloutSettings = value;
            return this;
        }

        /** Decides PAUSABLE_STREAMING per identity (default: the rollout's, or on for everyone without one). */
        public Builder featureDecider(FeatureDecider value) {
            this.featureDecider = parts -> value;
            return this;
        }

        /** The decider, built from the application's parts (e.g. reading rollout state from its database). */
        public Builder featureDeciderFrom(Function<Parts, FeatureDecider> factory) {
            this.featureDecider = factory;
            return this;
        }

        /** Receives the per-cohort observations (default: none). */
        public Builder cohortMetrics(CohortMetrics value) {
            this.cohortMetrics = parts -> value;
            return this;
        }

        public Builder cohortMetricsFrom(Function<Parts, CohortMetrics> factory) {
            this.cohortMetrics = factory;
            return this;
        }

        /** Extra routes (e.g. the operator API), registered before the static pages. */
        public Builder routes(RouteModule... modules) {
            for (RouteModule module : modules) {
                routeModules.add(parts -> module);
            }
            return this;
        }

        /** An extra route module built from the application's parts. */
        public Builder routesFrom(Function<Parts, RouteModule> factory) {
            routeModules.add(factory);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Where the browser pages are looked up under {@code web/} (default: the application's class loader). */
        public Builder pages(ClassLoader value) {
            this.pages = value;
            return this;
        }

        public Application build() {
            return new Application(this);
        }
    }
}
