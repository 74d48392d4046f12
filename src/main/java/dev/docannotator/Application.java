package dev.docannotator;

import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.http.AdminGuard;
import dev.docannotator.http.AdminRoutes;
import dev.docannotator.http.HttpApi;
import dev.docannotator.http.InstanceRoutes;
import dev.docannotator.http.RequestLimits;
import dev.docannotator.http.RouteModule;
import dev.docannotator.http.ServerAddress;
import dev.docannotator.http.TaskRoutes;
import dev.docannotator.http.WorkerRoutes;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Rollout;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.storage.ClusterChannels;
import dev.docannotator.storage.Database;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.storage.postgres.InstanceRegistry;
import dev.docannotator.storage.postgres.Notifications;
import dev.docannotator.storage.postgres.PostgresCancelRecords;
import dev.docannotator.storage.postgres.PostgresClaimRecords;
import dev.docannotator.storage.postgres.PostgresDatabase;
import dev.docannotator.storage.postgres.PostgresStore;
import dev.docannotator.storage.postgres.PostgresStreamRecords;
import dev.docannotator.storage.sqlite.SqliteStore;
import dev.docannotator.tasks.ClusterTasks;
import dev.docannotator.tasks.TaskMetrics;
import dev.docannotator.tasks.TaskRunner;
import dev.docannotator.tasks.TaskService;
import dev.docannotator.workers.WorkerSettings;
import dev.docannotator.workers.WorkerSupervisor;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole server (database, task service, HTTP routes) from {@link Settings} and
 * a few overridable collaborators, starts it, and stops it gracefully. Tests build the same application with a
 * temporary data directory and port 0.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final long CLOSING_RESERVE_NANOS = 1_000_000_000L;
    private static final long MIN_HTTP_STOP_MILLIS = 100;
    /** Connections to the shared database: request threads, the writer and the workers share them briefly. */
    private static final int POSTGRES_POOL = 10;

    private final Settings settings;
    private final Database database;
    /** The shared PostgreSQL database when the application was given one ({@link Builder#databaseUrl}), else null. */
    private final PostgresDatabase postgres;
    private final PrometheusMeterRegistry registry;
    /** With PostgreSQL: this instance's listening connection and its row in the instances table (else null). */
    private final Notifications notifications;
    private final InstanceRegistry instances;
    private final String instanceId;
    private final Engine engine;
    private final TaskService tasks;
    private final Rollout rollout;
    private final WorkerSettings workerSettings;
    /** The worker processes, or null when documents run in the server's own threads (--isolation none). */
    private final WorkerSupervisor workers;
    private final JvmGcMetrics gcMetrics;
    private final Javalin javalin;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final String host;

    private Application(Builder b) {
        this.settings = b.settings;
        this.host = b.host;
        this.database = Database.open(databaseFile(settings));
        this.postgres = b.databaseUrl == null ? null : openPostgres(b.databaseUrl, database);
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Parts parts = new Parts(settings, database, registry, b.clock);
        this.rollout = b.rolloutSettings == null ? null
                : Rollout.create(postgres != null ? postgres : database, b.rolloutSettings, b.clock);
        FeatureDecider featureDecider = b.featureDecider != null ? b.featureDecider.apply(parts)
                : rollout != null ? rollout.decider() : FeatureDecider.ALL_ON;
        CohortMetrics cohortMetrics = b.cohortMetrics != null ? b.cohortMetrics.apply(parts)
                : rollout != null ? rollout.metrics() : CohortMetrics.NONE;
        TaskMetrics metrics = new TaskMetrics(registry, cohortMetrics);
        // One set of model meters: the server's own model calls (isolation none) and those its workers report.
        LlmMetrics llmMetrics = b.llm == null ? null : new LlmMetrics(registry);
        this.engine = b.engine != null ? Engines.configure(b.engine, b.runLimits, b.llm, llmMetrics)
                : Engines.create(limits(settings), b.runLimits, b.llm, llmMetrics);
        TaskService.Options options = new TaskService.Options(settings.workers(), settings.queueCapacity(),
                settings.perUserLimit(), settings.disconnectGrace(), settings.retention(), settings.cleanupInterval(),
                settings.checkpointInterval());
        this.workerSettings = b.workerSettings;
        if (workerSettings.isolation() == WorkerSettings.Isolation.PROCESS) {
            if (b.engine != null) {
                LOG.warn("A custom engine was given, but documents run in worker processes with the default engine");
            }
            this.workers = WorkerSupervisor.create(settings.workers(), workerSettings, limits(settings),
                    engine.runLimits(), b.llm, llmMetrics, registry, b.clock);
        } else {
            this.workers = null;
        }
        TaskRunner runner = workers != null ? workers : TaskRunner.inProcess(engine);
        Function<TaskFiles, Store> store = postgres != null ? files -> new PostgresStore(postgres, files, ClusterChannels.EVENTS)
                : files -> new SqliteStore(database, files);
        String hostName = InstanceRegistry.localHost();
        this.instanceId = InstanceRegistry.newId(hostName);
        if (postgres != null) {
            // Several instances share this database: one listening connection, claiming through the database.
            this.notifications = new Notifications(postgres).start();
            this.tasks = new TaskService(options, engine, runner, featureDecider, metrics, b.clock,
                    new TaskFiles(settings.dataDir()), store, TaskRoutes.LINKS,
                    new ClusterTasks(postgres.dataSource(), POSTGRES_POOL, notifications, instanceId,
                            new ClusterTasks.Records(new PostgresCancelRecords(postgres),
                                    new PostgresStreamRecords(postgres), new PostgresClaimRecords(postgres))));
            this.instances = new InstanceRegistry(postgres.dataSource(), instanceId, hostName, tasks::runningTasks, b.clock);
        } else {
            this.notifications = null;
            this.tasks = new TaskService(options, engine, runner, featureDecider, metrics, b.clock,
                    new TaskFiles(settings.dataDir()), store, TaskRoutes.LINKS);
            this.instances = null;
        }
        Instant startedAt = b.clock.instant();
        HttpApi api = new HttpApi(settings, tasks, metrics, registry, featureDecider, this::ready,
                b.pages != null ? b.pages : Application.class.getClassLoader(), b.requestLimits, stopped::get);
        List<RouteModule> modules = new ArrayList<>();
        if (rollout != null) {
            modules.add(new AdminGuard(rollout.adminToken())); // one token check before every admin route
            modules.add(new AdminRoutes(rollout.service()));
            modules.add(new WorkerRoutes(workers));
            modules.add(new InstanceRoutes(instances != null ? instances::list : () -> List.of(new InstanceRegistry.InstanceView(
                    instanceId, hostName, startedAt, b.clock.instant(), tasks.runningTasks(), true))));
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

    /**
     * Connects to the shared PostgreSQL database and brings its schema up to date (once, here); closes the embedded
     * database opened before when that fails, so that a failed start leaves nothing open.
     */
    private static PostgresDatabase openPostgres(String url, Database embedded) {
        try {
            PostgresDatabase shared = PostgresDatabase.connect(DatabaseUrl.parse(url), POSTGRES_POOL);
            try {
                shared.migrate();
            } catch (RuntimeException e) {
                shared.close();
                throw e;
            }
            LOG.info("Tasks, documents and results are stored in PostgreSQL at {}", shared.url());
            return shared;
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    /** The embedded database's file in the data directory. */
    public static java.nio.file.Path databaseFile(Settings settings) {
        return settings.dataDir().resolve("annotator.db");
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
        if (workers != null) {
            workers.start(); // /ready says 200 once they are ready
        }
        if (host == null) {
            javalin.start(settings.port());
        } else {
            javalin.start(host, settings.port());
        }
        if (rollout != null) {
            rollout.start();
        }
        if (instances != null) {
            instances.start();
            LOG.info("Instance {} of the instances sharing the PostgreSQL database", instanceId);
        }
        ServerAddress bound = ServerAddress.of(javalin);
        LOG.info("DocAnnotator listening on {}{} (data directory {})", bound.hostAndPort(),
                bound.everyInterface() ? ", every network interface" : "", settings.dataDir().toAbsolutePath());
        LOG.info("Annotation page: {}  Operator console: {}", bound.pageUrl(), bound.consoleUrl());
        if (rollout != null) {
            LOG.info("Admin token: {}", rollout.adminToken().origin());
        }
        if (workers != null) {
            LOG.info("Documents run in {} worker process(es) of {} MB heap each (task time limit {} s); uploads are "
                    + "checked in {} validator process(es)", settings.workers(), workerSettings.heapMb(),
                    workerSettings.taskTimeLimit().toSeconds(), workerSettings.validators());
        } else {
            LOG.info("Documents run in the server process (isolation none)");
        }
        return this;
    }

    /** The address and port really listened on, read back from the socket. */
    public ServerAddress address() {
        return ServerAddress.of(javalin);
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return javalin.port();
    }

    /** Every HTTP route this application serves (for the OpenAPI check). */
    public List<HttpApi.Route> routes() {
        return HttpApi.routes(javalin);
    }

    public Settings settings() {
        return settings;
    }

    /** This instance's id (in the instances list and as db-scheduler's picked_by). */
    public String instanceId() {
        return instanceId;
    }

    public Database database() {
        return database;
    }

    /** The shared PostgreSQL database, when this instance was started with one. */
    public java.util.Optional<PostgresDatabase> postgres() {
        return java.util.Optional.ofNullable(postgres);
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

    /** Accepting new tasks (and, in process mode, the workers have started). */
    public boolean ready() {
        // With PostgreSQL the listening connection checks the database every fraction of a second: down = not ready.
        return !stopped.get() && tasks.accepting() && (workers == null || workers.ready())
                && (notifications == null || notifications.connected());
    }

    /** The worker processes, empty when documents run in the server process. */
    public java.util.Optional<WorkerSupervisor> workers() {
        return java.util.Optional.ofNullable(workers);
    }

    /** Where documents run. */
    public WorkerSettings workerSettings() {
        return workerSettings;
    }

    /**
     * Graceful stop within the shutdown grace period: /ready turns 503 and new tasks are refused, open streams
     * get {@code shutdown}, running tasks checkpoint and become interrupted, everything is written, then the
     * HTTP server and the database close. One deadline bounds every step that waits; every step runs even when
     * an earlier one failed, and the database closes last. A failure is logged and rethrown once all steps ran.
     * Safe to call twice.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        long grace = settings.shutdownGrace().toNanos();
        long deadline = started + grace;
        // Kept back from the drain for the closing steps (HTTP server, last writes, database).
        long reserve = Math.min(CLOSING_RESERVE_NANOS, grace / 4);
        long closing = deadline - reserve;
        LOG.info("Stopping: draining tasks (grace period {} s)", settings.shutdownGrace().toSeconds());
        List<RuntimeException> failures = new ArrayList<>();
        if (rollout != null) {
            step(failures, "stop the rollout evaluation", () -> rollout.stop(Duration.ZERO)); // waited for below
        }
        step(failures, "drain the tasks", () -> tasks.shutdown(Duration.ofNanos(Math.max(0, closing - System.nanoTime()))));
        if (workers != null) {
            // The running tasks have checkpointed through their workers: now SIGTERM, then SIGKILL at the grace.
            step(failures, "stop the workers", () -> workers.close(Duration.ofNanos(Math.max(MIN_HTTP_STOP_MILLIS * 1_000_000L,
                    Math.min(workerSettings.stopGrace().toNanos(), closing - System.nanoTime())))));
        }
        step(failures, "let the streams close", () -> awaitStreamsClosed(closing));
        step(failures, "stop the HTTP server", () -> stopHttp(deadline - reserve / 2));
        step(failures, "close the task service", tasks::close);
        if (instances != null) {
            step(failures, "leave the instances list", instances::close);
            step(failures, "stop listening for notifications", notifications::close);
        }
        if (rollout != null) {
            step(failures, "end the rollout evaluation", () -> {
                if (!rollout.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.warn("A rollout evaluation round was still running when the database closed");
                }
            });
        }
        step(failures, "close the GC metrics", gcMetrics::close);
        step(failures, "close the database", database::close);
        if (postgres != null) {
            step(failures, "close the PostgreSQL pool", postgres::close);
        }
        LOG.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * Stops the HTTP server. A request still running (a stream whose task never said goodbye) would hold
     * Jetty's thread pool for its own stop timeout (seconds); it gets what is left until {@code until} instead.
     */
    private void stopHttp(long until) {
        if (javalin.jettyServer().server().getThreadPool() instanceof QueuedThreadPool pool) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            pool.setStopTimeout(Math.max(MIN_HTTP_STOP_MILLIS, Math.min(pool.getStopTimeout(), left)));
        }
        javalin.stop();
    }

    /** Runs one step of the stop; a failure is logged and kept so that the following steps still run. */
    private static void step(List<RuntimeException> failures, String what, Runnable action) {
        long t0 = System.nanoTime();
        try {
            action.run();
            LOG.debug("Stopping: {} took {} ms", what, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Stopping: could not {}", what, e);
            failures.add(e);
        }
    }

    /** Gives the streams a moment (at most 2 s, never past {@code until}) to write their {@code shutdown} event. */
    private void awaitStreamsClosed(long until) {
        long soft = System.nanoTime() + 2_000_000_000L;
        while (openStreams() > 0 && System.nanoTime() < Math.min(until, soft)) {
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
        private RequestLimits requestLimits = RequestLimits.defaults();
        private LlmSettings llm;
        private String host;
        private dev.docannotator.pipeline.RunLimits runLimits;
        private WorkerSettings workerSettings = WorkerSettings.inProcess();
        private String databaseUrl;

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** The language model to offer beside the rules (default: none). */
        public Builder llm(LlmSettings value) {
            this.llm = value;
            return this;
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

        /** Idle timeout, minimum body rate and request threads (default: {@link RequestLimits#defaults()}). */
        public Builder requestLimits(RequestLimits value) {
            this.requestLimits = value;
            return this;
        }

        /** The address to listen on (default: every interface, as Jetty does; {@code serve} defaults to loopback). */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** The per-task safety limits (findings, text, result size); default: the engine's own. */
        public Builder runLimits(dev.docannotator.pipeline.RunLimits value) {
            this.runLimits = value;
            return this;
        }

        /**
         * Where documents run (default: in the server's own threads, as tests built here mostly want; {@code serve}
         * passes worker processes unless told {@code --isolation none}).
         */
        public Builder workers(WorkerSettings value) {
            this.workerSettings = value;
            return this;
        }

        /**
         * Stores tasks, events, checkpoints, documents and results in the PostgreSQL database at {@code url}
         * ({@code postgresql://USER:PASSWORD@HOST:PORT/DB}) instead of the embedded SQLite database; null = embedded.
         */
        public Builder databaseUrl(String url) {
            this.databaseUrl = url == null || url.isBlank() ? null : url;
            return this;
        }


        public Application build() {
            return new Application(this);
        }
    }
}
