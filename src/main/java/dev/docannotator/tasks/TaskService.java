package dev.docannotator.tasks;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.storage.Database;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import dev.docannotator.storage.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks service: admission, cancel, resume, re-attach, queries, recovery after a restart, retention and graceful
 * shutdown, each in its own part; this class builds them and is what the HTTP layer calls. Where tasks run (this
 * instance alone or several sharing one database) is its {@link Placement}. Errors are thrown as
 * {@link TaskException}s with texts in the caller's language.
 */
public final class TaskService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);

    /** Tuning of the service, taken from the application's settings. */
    public record Options(int workers, int queueCapacity, int perUserLimit, Duration disconnectGrace,
                          Duration retention, Duration cleanupInterval, Duration checkpointInterval) {
    }

    /** The text and annotations of a task, as far as they are known. */
    public record AnnotationsView(String text, List<Annotation> annotations) {
    }

    /** The annotated document of a completed task. */
    public record ResultFile(Path path, String filename, String contentType) {
    }

    private final Engine engine;
    private final Clock clock;
    private final Store stored;
    private final DocumentStore documents;
    private final PersistenceHealth health;
    private final WriteBehind writer;
    private final HeapReleaseProbe heapProbe;
    private final ScheduledExecutorService timers;
    private final Placement placement;
    private final LiveTasks live;
    private final Admission admission;
    private final CancelAndResume cancels;
    private final TaskQueries queries;
    private final StreamReaders readers;
    private final Retention retention;

    /** A service on the embedded SQLite {@code database} (already migrated) with its files under {@code dataDir}. */
    public TaskService(Options options, Engine engine, FeatureDecider features, TaskMetrics metrics, Clock clock,
                       Path dataDir, Database database, ResultLinks links) {
        this(options, engine, TaskRunner.inProcess(engine), features, metrics, clock, new TaskFiles(dataDir),
                files -> new SqliteStore(database, files), links);
    }

    /**
     * A service whose pipeline runs are started by {@code runner} (in-process, or in supervised worker processes), on
     * the store that {@code store} builds over the data directory's {@code files} (SQLite keeps the bytes there,
     * PostgreSQL its local copies).
     */
    public TaskService(Options options, Engine engine, TaskRunner runner, FeatureDecider features, TaskMetrics metrics,
                       Clock clock, TaskFiles files, Function<TaskFiles, Store> store, ResultLinks links) {
        this(options, engine, runner, features, metrics, clock, files, store, links, new LocalPlacement(options));
    }

    /**
     * With {@code cluster}, one of several instances on one PostgreSQL database: tasks are claimed through the
     * database (any instance may run any task), a cancel reaches the instance running the task, streams follow tasks
     * run elsewhere, and a task whose instance died is taken over (so start-up marks nothing interrupted).
     */
    public TaskService(Options options, Engine engine, TaskRunner runner, FeatureDecider features, TaskMetrics metrics,
                       Clock clock, TaskFiles files, Function<TaskFiles, Store> store, ResultLinks links,
                       ClusterTasks cluster) {
        this(options, engine, runner, features, metrics, clock, files, store, links,
                new ClusterPlacement(cluster, options));
    }

    private TaskService(Options options, Engine engine, TaskRunner runner, FeatureDecider features, TaskMetrics metrics,
                        Clock clock, TaskFiles files, Function<TaskFiles, Store> store, ResultLinks links,
                        Placement placement) {
        this.engine = engine;
        this.clock = clock;
        this.placement = placement;
        this.stored = placement.store(store.apply(files));
        this.documents = new DocumentStore(runner, files, stored, clock);
        this.health = new PersistenceHealth(metrics.registry());
        this.writer = new WriteBehind(stored, health, 100);
        this.heapProbe = new HeapReleaseProbe(metrics, TimeUnit.SECONDS.toNanos(60));
        TaskWorker worker = new TaskWorker(runner, files, writer, stored, metrics, heapProbe, clock,
                options.checkpointInterval(), links);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "task-timers");
            t.setDaemon(true);
            return t;
        });
        this.live = new LiveTasks(stored, writer, placement);
        this.admission = new Admission(options, stored, writer, documents, features, health, live, placement, clock);
        this.cancels = new CancelAndResume(stored, writer, live, placement, admission, clock);
        this.queries = new TaskQueries(stored, writer, live, engine);
        this.retention = new Retention(stored, writer, live, options.retention(), clock);
        files.clearUploads();
        placement.start(new Placement.Parts(stored, writer, live, worker, admission, cancels, clock));
        this.readers = new StreamReaders(live, placement, placement.disconnectGrace(timers));
        metrics.registerGauges(stored.tasks()::countByStatusAndPausable, placement::queueDepth);
        long cleanup = options.cleanupInterval().toMillis();
        timers.scheduleWithFixedDelay(this::cleanupQuietly, cleanup, cleanup, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::housekeeping, 5, 5, TimeUnit.SECONDS);
    }

    /** Where the tasks, their events, checkpoints, documents and results are stored. */
    public Store store() {
        return stored;
    }

    /** Uploaded documents: admitted by the engine and stored under generated ids. */
    public DocumentStore documents() {
        return documents;
    }

    /** Whether a language model is configured, so that tasks may choose "llm" or "both". */
    public boolean modelConfigured() {
        return engine.llm().isPresent();
    }

    /** {@link #submit(String, String, String, String, Locale, AnalyserChoice)} with the default analysers. */
    public Task submit(String userId, String documentId, String requirement, String requestedTaskId, Locale locale) {
        return submit(userId, documentId, requirement, requestedTaskId, locale,
                AnalyserChoice.defaultFor(modelConfigured()));
    }

    /**
     * Creates a task over the caller's document with the analysers it runs (checked against the configuration by
     * the caller) and admits it; its log starts with the {@code task} event.
     */
    public Task submit(String userId, String documentId, String requirement, String requestedTaskId, Locale locale,
                       AnalyserChoice analyser) {
        return admission.submit(userId, documentId, requirement, requestedTaskId, locale, analyser);
    }

    /**
     * Cancels the caller's task: the stream is told at once, the worker stops at its next step. Idempotent.
     * {@code requestedNanos} is when the request arrived ({@link System#nanoTime()}), where cancel latency starts.
     */
    public void cancel(String userId, String taskId, Locale locale, long requestedNanos) {
        cancels.cancel(userId, taskId, locale, requestedNanos);
    }

    /** Continues a cancelled or interrupted task from its checkpoint; returns the seq the new stream follows. */
    public long resume(String userId, String taskId, Locale locale) {
        return cancels.resume(userId, taskId, locale);
    }

    /** The caller's task (for streaming), or 404. */
    public Task attach(String userId, String taskId, Locale locale) {
        return readers.attach(userId, taskId, locale);
    }

    /** A stream started following the task. */
    public void streamAttached(Task task) {
        readers.attached(task);
    }

    /**
     * A stream stopped following the task. When it was the last one and the client went away, the task keeps
     * going for the grace period and is then cancelled (resumable) unless a client re-attached meanwhile.
     */
    public void streamDetached(Task task, boolean clientGone) {
        readers.detached(task, clientGone);
    }

    public List<TaskView> list(String userId) {
        return queries.list(userId);
    }

    /** What the task runs (or ran): its checks, how its requirement was read, and the analyser; notes in {@code locale}. */
    public RunReport report(TaskView task, Locale locale) {
        return queries.report(task, locale);
    }

    public TaskView get(String userId, String taskId, Locale locale) {
        return queries.get(userId, taskId, locale);
    }

    public AnnotationsView annotations(String userId, String taskId, Locale locale) {
        return queries.annotations(userId, taskId, locale);
    }

    public ResultFile result(String userId, String taskId, Locale locale) {
        return queries.result(userId, taskId, locale);
    }

    /** Whether new tasks are admitted (false while draining, and while task state cannot be written). */
    public boolean accepting() {
        return placement.accepting() && health.ok();
    }

    /** Whether writing task state works, fails, or fails because the disk is full. */
    public PersistenceHealth.State persistence() {
        return health.state();
    }

    public int runningTasks() {
        return placement.runningCount();
    }

    /** Removes finished tasks and documents older than the retention period, with their files. */
    public void cleanup() {
        retention.cleanup();
    }

    /** Evicts resting tasks nobody uses from memory; package-private so that tests can drive it. */
    void housekeeping() {
        try {
            heapProbe.check();
            live.evictIdle(clock.millis());
        } catch (Throwable e) {
            // A periodic task that throws is never run again: catch everything. During a write incident the
            // writer has already said so once.
            logPeriodicFailure("Housekeeping", e);
        }
    }

    private void cleanupQuietly() {
        try {
            cleanup();
        } catch (Throwable e) {
            logPeriodicFailure("Retention cleanup", e);
        }
    }

    private void logPeriodicFailure(String what, Throwable e) {
        if (health.ok()) {
            LOG.warn("{} failed", what, e);
        } else {
            LOG.debug("{} failed while writing task state fails", what, e);
        }
    }

    /**
     * Graceful stop: refuses new tasks, tells every unfinished task's stream {@code shutdown}, lets running
     * workers checkpoint (the tasks become interrupted, resumable after a restart) and writes everything.
     */
    public void shutdown(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        placement.stopAdmitting();
        for (Task task : live.all()) {
            if (!placement.runsHere(task)) {
                task.log().closeCopy(); // run elsewhere or waiting: its streams re-attach to another instance
                continue;
            }
            synchronized (task) {
                if (!task.status().unfinished()) {
                    continue;
                }
                task.requestStop(0);
                task.status(TaskStatus.INTERRUPTED, clock.instant());
                task.announce(new StreamEvent.Shutdown(task.messages().get("shutdown.message")));
            }
        }
        placement.awaitRuns(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) - 500));
        writer.flush();
    }

    @Override
    public void close() {
        placement.close();
        timers.shutdownNow();
        writer.close();
    }
}
