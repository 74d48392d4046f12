package dev.docannotator.cli;

import dev.docannotator.Application;
import dev.docannotator.Settings;
import dev.docannotator.http.RequestLimits;
import dev.docannotator.analysis.llm.LlmSettings;
import java.util.Optional;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.rollout.RolloutSettings;
import java.nio.file.Path;
import dev.docannotator.workers.WorkerSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve [--port 7070] [--data-dir DIR] ...}: runs the web service until SIGTERM/Ctrl+C, then stops it
 * gracefully. Flags win over the ANNOTATOR_* environment variables, which win over the defaults.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the DocAnnotator web service.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", description = "HTTP port (default 7070, env ANNOTATOR_PORT).")
    Integer port;

    /** Loopback by default: a fresh install is not reachable from the network until the operator says so. */
    static final String DEFAULT_HOST = "127.0.0.1";

    @Option(names = "--host", paramLabel = "ADDR",
            description = "Address to listen on (default 127.0.0.1, env ANNOTATOR_HOST; 0.0.0.0 = every interface).")
    String host;

    @Option(names = "--data-dir", description = "Data directory (default ./data, env ANNOTATOR_DATA_DIR).")
    Path dataDir;

    @Option(names = "--workers", description = "Document workers: tasks that run at once, each in its own worker "
            + "process unless --isolation none (default: number of cores, env ANNOTATOR_WORKERS).")
    Integer workers;

    @Option(names = "--isolation", paramLabel = "process|none", description = "Where documents are read, analysed and "
            + "annotated: in supervised worker processes (process, the default) or in the server process (none); "
            + "env ANNOTATOR_ISOLATION.")
    String isolation;

    @Option(names = "--worker-heap", paramLabel = "MB", description = "Heap limit of each worker process in MB "
            + "(default 512, sized for the 25 MB upload limit; env ANNOTATOR_WORKER_HEAP_MB).")
    Integer workerHeapMb;

    @Option(names = "--task-time-limit-seconds", description = "Longest one task may run in a worker before the worker "
            + "is killed and the task fails (default 600, env ANNOTATOR_TASK_TIME_LIMIT_SECONDS).")
    Integer taskTimeLimit;

    @Option(names = "--worker-recycle-after", paramLabel = "TASKS", description = "Replace a worker process by a fresh "
            + "one after this many tasks (default 200, env ANNOTATOR_WORKER_RECYCLE_AFTER).")
    Integer recycleAfter;

    @Option(names = "--queue-capacity", description = "Tasks that may wait for a worker (env ANNOTATOR_QUEUE_CAPACITY).")
    Integer queueCapacity;

    @Option(names = "--per-user-limit", description = "Unfinished tasks per user (default 3, env ANNOTATOR_PER_USER_LIMIT).")
    Integer perUserLimit;

    @Option(names = "--max-streams-per-user",
            description = "Event streams one user may hold open at once (default 20, env ANNOTATOR_MAX_STREAMS_PER_USER).")
    Integer maxStreamsPerUser;

    @Option(names = "--max-upload-mb", description = "Largest upload in MB (default 25, env ANNOTATOR_MAX_UPLOAD_MB).")
    Integer maxUploadMb;

    @Option(names = "--disconnect-grace-seconds", description = "How long a task outlives its stream's client (default 60).")
    Integer disconnectGrace;

    @Option(names = "--shutdown-grace-seconds", description = "How long a graceful stop may take (default 10).")
    Integer shutdownGrace;

    @Option(names = "--retention-days", description = "How long finished tasks are kept (default 7).")
    Integer retentionDays;

    @Option(names = "--init", description = "Start with an empty database: an existing one is renamed to "
            + "annotator.db.<time>.bak first. Without it, a database file that is empty, unreadable or not ours is refused.")
    boolean init;

    @Option(names = "--database-url", paramLabel = "URL", description = "Share one PostgreSQL database with other "
            + "instances: postgresql://USER:PASSWORD@HOST:5432/DB (env ANNOTATOR_DATABASE_URL). Without it, the embedded "
            + "SQLite database in the data directory serves one instance.")
    String databaseUrl;


    @Option(names = "--llm-base-url", description = "An OpenAI-compatible endpoint for the language-model analyser, "
            + "e.g. http://localhost:11434/v1 (env ANNOTATOR_LLM_BASE_URL; key from ANNOTATOR_LLM_API_KEY).")
    String llmBaseUrl;

    @Option(names = "--llm-model", description = "The model's name at that endpoint (env ANNOTATOR_LLM_MODEL).")
    String llmModel;

    @Override
    public Integer call() {
        Settings settings;
        Application app;
        try {
            WorkerSettings workerSettings = workerSettings(WorkerSettings.fromEnvironment(System.getenv()));
            settings = settings(Settings.fromEnvironment(System.getenv()), workerSettings, System.getenv());
            if (init) {
                java.nio.file.Path aside = dev.docannotator.storage.DatabaseFile.setAside(Application.databaseFile(settings));
                if (aside != null) {
                    LOG.warn("--init: the previous database was renamed to {}; starting with an empty one", aside);
                }
            }
            Optional<LlmSettings> llm = LlmSettings.resolve(llmBaseUrl, llmModel, System.getenv());
            llm.ifPresent(m -> LOG.info("Language model: {} at {} (API key {})", m.model(), m.baseUrl(),
                    m.apiKey() == null ? "not set" : "set"));
            app = Application.builder(settings)
                    .rollout(RolloutSettings.fromEnvironment(System.getenv(), settings.dataDir()))
                    .requestLimits(RequestLimits.fromEnvironment(System.getenv()))
                    .llm(llm.orElse(null))
                    .host(host(System.getenv()))
                    .runLimits(dev.docannotator.pipeline.RunLimits.fromEnvironment(System.getenv()))
                    .workers(workerSettings)
                    .databaseUrl(databaseUrl(System.getenv()))
                    .build();
        } catch (RuntimeException e) {
            System.err.println("Cannot start the server: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            System.err.println("Cannot listen on " + host(System.getenv()) + " port " + settings.port() + ": "
                    + rootMessage(e));
            try {
                app.stop();
            } catch (RuntimeException ignored) {
                // the start failure above is what the operator needs to see
            }
            return ExitCodes.FAILED;
        }
        // In process mode each worker loads its own grammar checker as it starts; the server never analyses.
        if (app.workers().isEmpty() && app.engine().analyser() instanceof DefaultAnalyser analyser) {
            // LanguageTool takes seconds to load: do it now, off the request path, rather than in the first grammar task.
            analyser.warmUpGrammarInBackground();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } catch (RuntimeException e) {
                System.err.println("The server did not stop cleanly: " + rootMessage(e));
            } finally {
                stopped.countDown();
            }
        }, "graceful-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.DONE;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The shared PostgreSQL database: --database-url, else ANNOTATOR_DATABASE_URL, else none (embedded SQLite). */
    String databaseUrl(java.util.Map<String, String> env) {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl.strip();
        }
        String fromEnv = env.get("ANNOTATOR_DATABASE_URL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : null;
    }

    /** The address to listen on: --host, else ANNOTATOR_HOST, else loopback. */
    String host(java.util.Map<String, String> env) {
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        String fromEnv = env.get("ANNOTATOR_HOST");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : DEFAULT_HOST;
    }

    /** The worker settings with this command's flags applied. */
    WorkerSettings workerSettings(WorkerSettings base) {
        WorkerSettings.Builder w = base.toBuilder();
        if (isolation != null) {
            w.isolation(WorkerSettings.Isolation.parse(isolation));
        }
        if (workerHeapMb != null) {
            w.heapMb(workerHeapMb);
        }
        if (taskTimeLimit != null) {
            w.taskTimeLimit(Duration.ofSeconds(taskTimeLimit));
        }
        if (recycleAfter != null) {
            w.recycleAfter(recycleAfter);
        }
        return w.build();
    }

    /**
     * The settings with this command's flags applied; when neither {@code --workers} nor ANNOTATOR_WORKERS says how
     * many tasks run at once, the default of {@code workers}' isolation (process mode leaves the server a core).
     */
    Settings settings(Settings base, WorkerSettings workers, java.util.Map<String, String> env) {
        Settings s = settings(base);
        if (this.workers == null && !env.containsKey("ANNOTATOR_WORKERS")) {
            s = s.withAdmission(workers.defaultWorkers(Runtime.getRuntime().availableProcessors()), s.queueCapacity(),
                    s.perUserLimit());
        }
        return s;
    }

    /** The settings with this command's flags applied. */
    Settings settings(Settings base) {
        Settings s = base;
        if (port != null) {
            s = s.withPort(port);
        }
        if (dataDir != null) {
            s = s.withDataDir(dataDir);
        }
        s = s.withAdmission(workers != null ? workers : s.workers(),
                queueCapacity != null ? queueCapacity : s.queueCapacity(),
                perUserLimit != null ? perUserLimit : s.perUserLimit());
        if (maxStreamsPerUser != null) {
            s = s.withMaxStreamsPerUser(maxStreamsPerUser);
        }
        if (maxUploadMb != null) {
            s = s.withBodyLimits(maxUploadMb * 1024L * 1024, s.maxJsonBytes());
        }
        s = s.withTimings(s.heartbeat(),
                disconnectGrace != null ? Duration.ofSeconds(disconnectGrace) : s.disconnectGrace(),
                shutdownGrace != null ? Duration.ofSeconds(shutdownGrace) : s.shutdownGrace());
        if (retentionDays != null) {
            s = s.withRetention(Duration.ofDays(retentionDays), s.cleanupInterval());
        }
        return s;
    }
}
