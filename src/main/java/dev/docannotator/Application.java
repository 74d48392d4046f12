package dev.docannotator;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.http.HttpApi;
import dev.docannotator.http.RouteModule;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.storage.Database;
import dev.docannotator.tasks.TaskMetrics;
import dev.docannotator.tasks.TaskService;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final TaskService tasks;
    private final Javalin javalin;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Application(Builder b) {
        this.settings = b.settings;
        this.database = Database.open(settings.dataDir().resolve("annotator.db"));
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TaskMetrics metrics = new TaskMetrics(registry, b.cohortMetrics);
        Engine engine = b.engine != null ? b.engine : Engines.createDefault(limits(settings));
        TaskService.Options options = new TaskService.Options(settings.workers(), settings.queueCapacity(),
                settings.perUserLimit(), settings.disconnectGrace(), settings.retention(), settings.cleanupInterval(),
                settings.checkpointInterval());
        this.tasks = new TaskService(options, engine, b.featureDecider, metrics, b.clock, settings.dataDir(), database);
        HttpApi api = new HttpApi(settings, tasks, metrics, registry, b.featureDecider, this::ready);
        this.javalin = api.create(b.routeModules);
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

    public TaskService tasks() {
        return tasks;
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
        tasks.shutdown(settings.shutdownGrace());
        awaitStreamsClosed(started);
        try {
            javalin.stop();
        } finally {
            tasks.close();
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
        private FeatureDecider featureDecider = FeatureDecider.ALL_ON;
        private CohortMetrics cohortMetrics = CohortMetrics.NONE;
        private final List<RouteModule> routeModules = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** The document engine (default: every format handler and the embedded analyser). */
        public Builder engine(Engine value) {
            this.engine = value;
            return this;
        }

        public Builder featureDecider(FeatureDecider value) {
            this.featureDecider = value;
            return this;
        }

        public Builder cohortMetrics(CohortMetrics value) {
            this.cohortMetrics = value;
            return this;
        }

        /** Extra routes (e.g. the operator API), registered before the static pages. */
        public Builder routes(RouteModule... modules) {
            routeModules.addAll(List.of(modules));
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Application build() {
            return new Application(this);
        }
    }
}
