package dev.docannotator.tasks;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Features;
import dev.docannotator.storage.Database;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks service: admission, cancel, resume, re-attach, queries, recovery after a restart,
 * retention and graceful shutdown. Tasks that can still change are held in memory (with their event logs);
 * resting ones are read from the database. Errors are thrown as {@link TaskException}s with texts in the
 * caller's language.
 */
public final class TaskService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
    private static final long EVICT_AFTER_MILLIS = 30_000;

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

    private final Options options;
    private final Engine engine;
    private final FeatureDecider features;
    private final TaskMetrics metrics;
    private final Clock clock;
    private final TaskFiles files;
    private final Store stored;
    private final DocumentStore documents;
    private final PersistenceHealth health;
    private final WriteBehind store;
    private final Scheduler scheduler;
    private final HeapReleaseProbe heapProbe;
    private final ScheduledExecutorService timers;
    private final Map<String, Task> live = new ConcurrentHashMap<>();
    private final TaskWorker worker;
    /** Null for a single instance; see {@link ClusterTasks}. */
    private final ClusterTasks cluster;

    /** A service on the embedded SQLite {@code database} (already migrated) with its files under {@code dataDir}. */
    public TaskService(Options options, Engine engine, FeatureDecider features, TaskMetrics metrics, Clock clock,
                       Path dataDir, Database database) {
        this(options, engine, TaskRunner.inProcess(engine), features, metrics, clock, new TaskFiles(dataDir),
                files -> new SqliteStore(database, files));
    }

    /**
     * A service whose pipeline runs are started by {@code runner} (in-process, or in supervised worker processes), on
     * the store that {@code store} builds over the data directory's {@code files} (SQLite keeps the bytes there,
     * PostgreSQL its local copies).
     */
    public TaskService(Options options, Engine engine, TaskRunner runner, FeatureDecider features, TaskMetrics metrics,
                       Clock clock, TaskFiles files, Function<TaskFiles, Store> store) {
        this(options, engine, runner, features, metrics, clock, files, store, null);
    }

    /**
     * With {@code cluster}, one of several instances on one PostgreSQL database: tasks are claimed through the
     * database (any instance may run any task), a cancel reaches the instance running the task, streams follow tasks
     * run elsewhere, and a task whose instance died is taken over (so start-up marks nothing interrupted).
     */
    public TaskService(Options options, Engine engine, TaskRunner runner, FeatureDecider features, TaskMetrics metrics,
                       Clock clock, TaskFiles files, Function<TaskFiles, Store> store, ClusterTasks cluster) {
        this.cluster = cluster;
        this.options = options;
        this.engine = engine;
        this.features = features;
        this.metrics = metrics;
        this.clock = clock;
        this.files = files;
        this.stored = store.apply(files);
        this.documents = new DocumentStore(engine, files, stored, clock);
        this.health = new PersistenceHealth(metrics.registry());
        this.store = new WriteBehind(stored, health, 100);
        this.heapProbe = new HeapReleaseProbe(metrics, TimeUnit.SECONDS.toNanos(60));
        this.worker = new TaskWorker(runner, files, this.store, stored, metrics, heapProbe, clock,
                options.checkpointInterval());
        this.scheduler = new Scheduler(options.workers(), options.queueCapacity(), options.perUserLimit(),
                worker::run, this::reportPosition);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "task-timers");
            t.setDaemon(true);
            return t;
        });
        files.clearUploads();
        // The same text a graceful stop sends, so that a crash-recovered log ends like a gracefully stopped one.
        int interrupted = cluster != null ? 0 : stored.tasks().markUnfinishedInterrupted(clock.instant(),
                (key, localeTag) -> TaskEvent.dataLine(TaskEvent.SHUTDOWN, TaskKeys.publicId(key), TaskEvent.shutdownFields(
                        text(Locale.forLanguageTag(localeTag), "shutdown.message"))));
        if (interrupted > 0) {
            LOG.info("{} task(s) that were running when the server stopped are now interrupted and resumable", interrupted);
        }
        if (cluster != null) {
            cluster.bind(options, this::runClaimed, this::cancelledElsewhere, this::followStored);
            cluster.start();
        }
        metrics.registerGauges(stored.tasks()::countByStatusAndPausable,
                cluster != null ? () -> cluster.scheduler().queueDepth() : scheduler::queueDepth);
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

    // ---- tasks ----

    /**
     * Creates a task over the caller's document and admits it; its log starts with the {@code task} event. The row
     * is written before admission, outside the scheduler's lock (the row reserves the id), and removed again when
     * the task is not admitted: admissions never queue behind database writes.
     */
    public Task submit(String userId, String documentId, String requirement, String requestedTaskId, Locale locale) {
        return submit(userId, documentId, requirement, requestedTaskId, locale,
                AnalyserChoice.defaultFor(modelConfigured()));
    }

    /** Whether a language model is configured, so that tasks may choose "llm" or "both". */
    public boolean modelConfigured() {
        return engine.llm().isPresent();
    }

    /** {@link #submit} with the analysers the task runs (checked against the configuration by the caller). */
    public Task submit(String userId, String documentId, String requirement, String requestedTaskId, Locale locale,
                       AnalyserChoice analyser) {
        refuseWhileStorageFails(locale);
        DocumentRecord doc = documents.find(userId, documentId, locale);
        String taskId = requestedTaskId != null ? requestedTaskId : UUID.randomUUID().toString();
        boolean pausable = features.isEnabled(Features.PAUSABLE_STREAMING, userId);
        Instant now = clock.instant();
        TaskView view = new TaskView(taskId, userId, doc.documentId(), doc.filename(), doc.format(),
                requirement == null ? "" : requirement, locale.toLanguageTag(), pausable, TaskStatus.QUEUED,
                Stage.QUEUED, 0, null, null, null, 0, now, now, analyser);
        // Scoped to the identity: only the identity holding the id gets a 409 (a task stored before ids were
        // scoped holds its bare id).
        String key = TaskKeys.of(userId, taskId);
        if (requestedTaskId != null && stored.tasks().find(taskId).filter(t -> t.userId().equals(userId)).isPresent()) {
            throw TaskException.conflict(text(locale, "task.id_taken", taskId));
        }
        try {
            stored.tasks().insert(key, view);
        } catch (StorageException e) {
            if (stored.tasks().exists(key)) {
                throw TaskException.conflict(text(locale, "task.id_taken", taskId));
            }
            throw storageRefusal(e, locale);
        }
        Task task = new Task(view, new EventLog(taskId, List.of(), false, (log, event) -> store.event(key, log, event)), key);
        try {
            admit(task, locale, () -> live.put(key, task));
        } catch (RuntimeException notAdmitted) {
            stored.tasks().delete(List.of(key));
            throw notAdmitted;
        }
        return task;
    }

    /**
     * Cancels the caller's task: the stream is told at once, the worker stops at its next step. Idempotent.
     * {@code requestedNanos} is when the request arrived ({@link System#nanoTime()}), where cancel latency starts.
     */
    public void cancel(String userId, String taskId, Locale locale, long requestedNanos) {
        if (cluster != null) {
            // The task's row (or this instance's copy when it runs here): no event log is loaded on this path.
            Found found = view(userId, taskId, locale);
            if (!cluster.runsHere(found.key())) {
                cancelAnywhere(userId, taskId, found, locale, requestedNanos);
                return;
            }
        }
        Task task = owned(userId, taskId, locale);
        if (!task.pausable()) {
            throw new TaskException(TaskException.Reason.FEATURE_DISABLED, text(locale, "feature.pausable_off"));
        }
        cancelInternal(task, locale, requestedNanos);
    }

    /**
     * Several instances, a task this instance does not run: one claimed by an instance gets a cancel request (one
     * statement), which wakes that instance (NOTIFY) to stop it at its next step and write {@code cancelled}, which
     * every stream then sees. A task no instance has claimed is taken out of the line and cancelled here (nobody
     * else writes its log), and so is one not scheduled at all (its status decides: a 409 when it finished).
     */
    private void cancelAnywhere(String userId, String taskId, Found found, Locale locale, long requestedNanos) {
        TaskView view = found.view();
        if (!view.pausable()) {
            throw new TaskException(TaskException.Reason.FEATURE_DISABLED, text(locale, "feature.pausable_off"));
        }
        if (view.status() == TaskStatus.COMPLETED || view.status() == TaskStatus.FAILED) {
            throw TaskException.conflict(text(locale, "task.cancel_finished", view.status().id()));
        }
        if (cluster.cancels().requestIfClaimed(found.key())) {
            return;
        }
        if (cluster.scheduler().removeWaiting(found.key()) || !cluster.scheduler().scheduled(found.key())) {
            Task task = owned(userId, taskId, locale);
            followStored(task);
            cancelInternal(task, locale, requestedNanos);
            return;
        }
        cluster.cancels().request(found.key()); // claimed in the meantime
    }

    /** Several instances: a cancel accepted elsewhere for a task this instance runs. */
    private void cancelledElsewhere(String key) {
        Task task = live.get(key);
        if (task == null || task.stopRequested()) {
            return;
        }
        try {
            cancelInternal(task, Locale.forLanguageTag(task.view().locale()), System.nanoTime());
        } catch (TaskException finished) {
            LOG.debug("Task {} finished before the cancel from another instance arrived", task.id());
        }
    }

    /**
     * Several instances: runs a task this instance claimed, from its last checkpoint (after a fail-over too: the
     * dead instance's task is still running in the table). Returns when this run ends.
     */
    private void runClaimed(String key) {
        Task task = live.compute(key, (k, present) -> present != null ? present : load(k));
        if (task == null) {
            return; // removed meanwhile (retention)
        }
        store.flush();
        followStored(task);
        CompletableFuture<Void> done = new CompletableFuture<>();
        task.workerStarted(done);
        try {
            if (!task.status().unfinished()) {
                return;
            }
            if (cluster.cancels().requested(key)) {
                cancelledElsewhere(key);
                return;
            }
            task.runHere(true);
            worker.run(task);
        } finally {
            try {
                // Before this copy stops being the truth: from then on the tables must hold all of this run.
                store.flush();
            } catch (RuntimeException e) {
                LOG.warn("Task {}: its last state is not written yet ({}); the writer keeps trying", task.id(), e.toString());
            } finally {
                cluster.scheduler().finish(key); // before anyone learns the run ended: a resume may follow at once
                task.runHere(false);
                done.complete(null);
                cluster.cancels().clear(key);
            }
        }
    }

    /** Several instances: brings this instance's copy of a task run elsewhere up to date with the tables. */
    private void followStored(String key) {
        if (key.isEmpty()) {
            live.values().forEach(this::followStored); // the listener reconnected: catch up on everything
            return;
        }
        Task task = live.get(key);
        if (task != null) {
            followStored(task);
        }
    }

    private void followStored(Task task) {
        if (task.runHere()) {
            return; // read only after this instance's run ended and flushed: a read taken during it is already old
        }
        try {
            List<TaskEvent> committed = stored.events().after(task.key(), task.log().lastSeq());
            Optional<TaskView> view = stored.tasks().find(task.key());
            synchronized (task) {
                if (task.runHere()) {
                    return; // this instance writes its log; what was read may already be older
                }
                task.log().absorb(committed);
                view.ifPresent(task::refresh);
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot follow task {}: {}", task.id(), e.getMessage());
        }
    }

    /**
     * Cancels a queued or running task (resumable); {@code userLocale} is null when no client follows it any
     * more. The status is decided under the task's monitor, so that a task completing meanwhile is never
     * answered "cancelled": a user's cancel of a completed or failed task is a 409. Takes the task out of the
     * waiting line first, outside the task's monitor, because the scheduler's lock is always taken before a task's.
     */
    private void cancelInternal(Task task, Locale userLocale, long requestedNanos) {
        boolean byUser = userLocale != null;
        boolean wasWaiting = scheduler.removeWaiting(task);
        synchronized (task) {
            TaskStatus status = task.status();
            if (byUser && (status == TaskStatus.COMPLETED || status == TaskStatus.FAILED)) {
                throw TaskException.conflict(text(userLocale, "task.cancel_finished", status.id()));
            }
            if (status == TaskStatus.INTERRUPTED) {
                task.status(TaskStatus.CANCELLED, clock.instant());
                store.task(task);
                return;
            }
            if (!status.unfinished()) {
                return;
            }
            task.requestStop(requestedNanos);
            task.status(TaskStatus.CANCELLED, clock.instant());
            Messages messages = task.messages();
            Map<String, Object> data = new LinkedHashMap<>();
            Stage stage = task.stage() == Stage.DONE ? Stage.APPLY : task.stage();
            data.put("stage", stage.id());
            data.put("progress", task.progress());
            data.put("message", messages.get(byUser ? "cancelled.message" : "cancelled.abandoned"));
            data.put("detail", messages.get("cancelled.detail", messages.get("stage." + stage.id()), task.progress()));
            data.put("resumable", true);
            store.task(task); // the row before its event (see WriteBehind)
            task.log().append(TaskEvent.CANCELLED, data);
            if (wasWaiting) {
                LOG.debug("Task {} cancelled while waiting", task.id());
            }
        }
    }

    /** Continues a cancelled or interrupted task from its checkpoint; returns the seq the new stream follows. */
    public long resume(String userId, String taskId, Locale locale) {
        // Pinned from the moment it is found: a resting task could otherwise be evicted by housekeeping while
        // this waits for the old worker and reads the checkpoint, and the next request would load a second
        // Task for the same id (two logs diverging). Once admitted it is unfinished, so it is not evicted.
        Task task = owned(userId, taskId, locale, true);
        try {
            if (cluster != null) {
                awaitRunAnywhere(task, locale);
            }
            if (!task.status().resumable()) {
                throw TaskException.conflict(text(locale, "task.not_resumable", task.status().id()));
            }
            awaitWorker(task, locale);
            store.flush();
            Checkpoint checkpoint = stored.checkpoints().load(task.key()).orElse(Checkpoint.start());
            long cursor = task.log().lastSeq();
            admit(task, locale, () -> {
                if (!task.status().resumable()) {
                    throw TaskException.conflict(text(locale, "task.not_resumable", task.status().id()));
                }
                task.log().reopen();
            }, checkpoint);
            return cursor;
        } finally {
            task.unpin();
        }
    }

    /** Several instances: waits (up to 10 s) until no instance runs the task any more, then takes its stored state. */
    private void awaitRunAnywhere(Task task, Locale locale) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        followStored(task);
        while (!cluster.runsHere(task.key()) && cluster.scheduler().scheduled(task.key())) {
            if (System.nanoTime() > deadline) {
                throw TaskException.conflict(text(locale, "task.still_stopping"));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            followStored(task);
        }
        cluster.cancels().clear(task.key());
    }

    /** Waits for the worker of the cancelled run to finish its step and checkpoint (steps are short). */
    private void awaitWorker(Task task, Locale locale) {
        try {
            task.worker().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskException.conflict(text(locale, "task.still_stopping"));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw TaskException.conflict(text(locale, "task.still_stopping"));
        }
    }

    private void admit(Task task, Locale locale, Runnable beforeAnnounce) {
        admit(task, locale, beforeAnnounce, null);
    }

    /** Admits the task; under the scheduler's lock, announces it: the task event, unsent annotations, its position. */
    private void admit(Task task, Locale locale, Runnable beforeAnnounce, Checkpoint resumeFrom) {
        if (cluster != null) {
            admitToCluster(task, locale, beforeAnnounce, resumeFrom);
            return;
        }
        try {
            scheduler.admit(task, (t, running, position) -> {
                beforeAnnounce.run();
                synchronized (t) {
                    t.status(running ? TaskStatus.RUNNING : TaskStatus.QUEUED, clock.instant());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("status", running ? "running" : "queued");
                    data.put("pausable", t.pausable());
                    t.log().append(TaskEvent.TASK, data);
                    if (resumeFrom != null) {
                        for (Annotation annotation : resumeFrom.annotations()) {
                            TaskWorker.sendAnnotation(t, annotation);
                        }
                    }
                    if (!running) {
                        appendPosition(t, position);
                    }
                    store.task(t);
                }
            });
        } catch (Scheduler.RefusedException e) {
            throw refused(e, locale);
        }
    }

    /**
     * Several instances: admission is decided in the database (limits across instances); the task is reserved,
     * its {@code task} event (and a resume's kept annotations) committed, and only then released to be claimed by
     * whichever instance has a free worker, which continues its log from the table.
     */
    private void admitToCluster(Task task, Locale locale, Runnable beforeAnnounce, Checkpoint resumeFrom) {
        try {
            if (cluster.scheduler().reserve(task.key(), task.userId()) == 0) {
                // Queued or running already (another resume was first): the same answer as a resume of a running task.
                throw TaskException.conflict(text(locale, "task.not_resumable", TaskStatus.RUNNING.id()));
            }
        } catch (Scheduler.RefusedException e) {
            throw refused(e, locale);
        }
        try {
            beforeAnnounce.run();
            synchronized (task) {
                task.status(TaskStatus.QUEUED, clock.instant());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("status", "queued");
                data.put("pausable", task.pausable());
                task.log().append(TaskEvent.TASK, data);
                if (resumeFrom != null) {
                    for (Annotation annotation : resumeFrom.annotations()) {
                        TaskWorker.sendAnnotation(task, annotation);
                    }
                }
                store.task(task);
            }
            store.flush();
            cluster.scheduler().release(task.key());
        } catch (RuntimeException e) {
            cluster.scheduler().unreserve(task.key());
            throw e;
        }
    }

    private TaskException refused(Scheduler.RefusedException e, Locale locale) {
        return switch (e.refusal()) {
            // A slot frees when one of the user's tasks ends: seconds for small documents, so try again soon.
            case USER_LIMIT -> new TaskException(TaskException.Reason.USER_LIMIT,
                    text(locale, "admission.user_limit", options.perUserLimit()), 10);
            case QUEUE_FULL -> new TaskException(TaskException.Reason.BUSY, text(locale, "admission.queue_full"), 5);
            default -> new TaskException(TaskException.Reason.BUSY, text(locale, "admission.stopping"), 10);
        };
    }

    private void reportPosition(Task task, int position) {
        synchronized (task) {
            appendPosition(task, position);
        }
    }

    private void appendPosition(Task task, int position) {
        Messages messages = task.messages();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stage", Stage.QUEUED.id());
        data.put("progress", task.progress());
        data.put("message", messages.get("queue.message", position));
        data.put("detail", messages.get("queue.detail", position - 1));
        task.log().append(TaskEvent.PROGRESS, data);
    }

    /** The caller's task (for streaming), or 404. */
    public Task attach(String userId, String taskId, Locale locale) {
        Task task = owned(userId, taskId, locale);
        if (cluster != null) {
            followStored(task);
        }
        return task;
    }

    /** A stream started following the task. */
    public void streamAttached(Task task) {
        task.attachReader();
    }

    /**
     * A stream stopped following the task. When it was the last one and the client went away, the task keeps
     * going for the grace period and is then cancelled (resumable) unless a client re-attached meanwhile.
     */
    public void streamDetached(Task task, boolean clientGone) {
        int readers = task.detachReader();
        if (clientGone && readers == 0 && task.status().unfinished()) {
            timers.schedule(() -> {
                if (task.readers() == 0 && task.status().unfinished()
                        && (cluster == null || cluster.runsHere(task.key()))) {
                    LOG.info("No client follows task {} any more; cancelling it (resumable)", task.id());
                    cancelInternal(task, null, System.nanoTime());
                }
            }, options.disconnectGrace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public List<TaskView> list(String userId) {
        store.flush();
        List<TaskView> fromDb = stored.tasks().listByUser(userId);
        List<TaskView> result = new ArrayList<>(fromDb.size());
        for (TaskView view : fromDb) {
            Task inMemory = inMemory(userId, view.taskId());
            result.add(inMemory != null ? inMemory.view() : view);
        }
        return result;
    }

    /** What the task runs (or ran): its checks, how its requirement was read, and the analyser; notes in {@code locale}. */
    public RunReport report(TaskView task, Locale locale) {
        RunReport report = engine.report(task.requirement(), Language.of(locale));
        if (!task.analyser().usesModel()) {
            return report;
        }
        // What the model cost so far, and whether it failed (a "both" run then goes on with the rules alone), are in
        // the checkpoint (the last one; a running task's may lag a few seconds).
        // Checkpoints are stored under the task's key (scoped to its owner), not its public id.
        Task live = inMemory(task.userId(), task.taskId());
        String key = live != null ? live.key()
                : stored(task.userId(), task.taskId()).map(Found::key).orElse(TaskKeys.of(task.userId(), task.taskId()));
        store.flush(); // the last checkpoint may still be on its way to the database
        Optional<Checkpoint> checkpoint = stored.checkpoints().load(key);
        return report.withModel(task.analyser().id(), checkpoint.map(Checkpoint::llmUsage).orElse(null),
                checkpoint.map(Checkpoint::llmFailure).orElse(null), locale);
    }

    public TaskView get(String userId, String taskId, Locale locale) {
        return view(userId, taskId, locale).view();
    }

    /** A task stored and found by its owner: its key and its state. */
    private record Found(String key, TaskView view) {
    }

    /** The caller's task held in memory, under its scoped key or (stored before scoping) its bare id. */
    private Task inMemory(String userId, String taskId) {
        Task task = live.get(TaskKeys.of(userId, taskId));
        if (task == null) {
            task = live.get(taskId);
        }
        if (task != null && cluster != null && !cluster.runsHere(task.key())) {
            return null; // run elsewhere (or not at all): the tables are the truth
        }
        return task != null && task.userId().equals(userId) ? task : null;
    }

    /** The caller's stored task, under its scoped key or (stored before scoping) its bare id. */
    private Optional<Found> stored(String userId, String taskId) {
        if (taskId == null || !TaskFiles.ID.matcher(taskId).matches()) {
            return Optional.empty();
        }
        String key = TaskKeys.of(userId, taskId);
        Optional<TaskView> view = stored.tasks().find(key);
        if (view.isEmpty()) {
            key = taskId;
            view = stored.tasks().find(taskId).filter(v -> v.userId().equals(userId));
        }
        String found = key;
        return view.map(v -> new Found(found, v));
    }

    /**
     * The caller's task as it is now, without loading its event log: from memory while it is held there, else
     * from the database (a task leaves memory only after its state was written).
     */
    private Found view(String userId, String taskId, Locale locale) {
        Task inMemory = taskId == null ? null : inMemory(userId, taskId);
        if (inMemory != null) {
            return new Found(inMemory.key(), inMemory.view());
        }
        return stored(userId, taskId).orElseThrow(() -> TaskException.notFound(text(locale, "task.not_found")));
    }

    public AnnotationsView annotations(String userId, String taskId, Locale locale) {
        Found found = view(userId, taskId, locale);
        Task task = live.get(found.key());
        ExtractedText text = task == null ? null : task.liveText();
        if (text != null) {
            return new AnnotationsView(text.text(), task.liveAnnotations());
        }
        store.flush();
        return stored.checkpoints().load(found.key())
                .map(c -> new AnnotationsView(c.text().text(), c.annotations()))
                .orElse(new AnnotationsView("", List.of()));
    }

    public ResultFile result(String userId, String taskId, Locale locale) {
        Found found = view(userId, taskId, locale);
        TaskView view = found.view();
        Optional<Path> path = view.status() == TaskStatus.COMPLETED
                ? stored.results().localFile(found.key(), view.format()) : Optional.empty();
        if (path.isEmpty()) {
            throw TaskException.conflict(text(locale, "result.not_ready", view.status().id()));
        }
        String name = view.filename();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return new ResultFile(path.get(), base + ".annotated." + view.format().outputExtension(),
                view.format().outputContentType());
    }

    /** Whether new tasks are admitted (false while draining, and while task state cannot be written). */
    public boolean accepting() {
        return scheduler.accepting() && health.ok() && (cluster == null || cluster.scheduler().accepting());
    }

    /** Whether writing task state works, fails, or fails because the disk is full. */
    public PersistenceHealth.State persistence() {
        return health.state();
    }

    /** A new task would be acknowledged and then lost: refuse it while writing fails (507 when the disk is full). */
    private void refuseWhileStorageFails(Locale locale) {
        switch (health.state()) {
            case DISK_FULL -> throw new TaskException(TaskException.Reason.STORAGE_FULL, text(locale, "storage.full"), 30);
            case FAILING -> throw new TaskException(TaskException.Reason.STORAGE_FAILING, text(locale, "storage.failing"), 10);
            default -> { }
        }
    }

    /** A write that failed on a request's path, as the refusal the caller gets. */
    private static TaskException storageRefusal(StorageException e, Locale locale) {
        return dev.docannotator.storage.StorageFailures.isDiskFull(e)
                ? new TaskException(TaskException.Reason.STORAGE_FULL, text(locale, "storage.full"), 30)
                : new TaskException(TaskException.Reason.STORAGE_FAILING, text(locale, "storage.failing"), 10);
    }

    public int runningTasks() {
        return cluster != null ? cluster.scheduler().runningCount() : scheduler.runningCount();
    }

    /** The caller's task, loaded from the database into memory when needed; 404 for unknown or another's. */
    private Task owned(String userId, String taskId, Locale locale) {
        return owned(userId, taskId, locale, false);
    }

    /**
     * {@link #owned}, and with {@code pin} the task is pinned in the same atomic map step that finds or loads it,
     * so that housekeeping (which evicts in an atomic step too) cannot take it out of memory until it is unpinned.
     */
    private Task owned(String userId, String taskId, Locale locale, boolean pin) {
        if (taskId == null || !TaskFiles.ID.matcher(taskId).matches()) {
            throw TaskException.notFound(text(locale, "task.not_found"));
        }
        Task task = ownedUnder(TaskKeys.of(userId, taskId), userId, pin);
        if (task == null) {
            task = ownedUnder(taskId, userId, pin); // stored before task ids were scoped
        }
        if (task == null || !task.userId().equals(userId)) {
            throw TaskException.notFound(text(locale, "task.not_found"));
        }
        return task;
    }

    private Task ownedUnder(String key, String userId, boolean pin) {
        return live.compute(key, (k, present) -> {
            Task found = present != null ? present : load(k);
            if (found != null && pin && found.userId().equals(userId)) {
                found.pin();
            }
            return found;
        });
    }

    private Task load(String key) {
        Optional<TaskView> view = stored.tasks().find(key);
        if (view.isEmpty()) {
            return null;
        }
        List<TaskEvent> history = stored.events().all(key);
        EventLog log = new EventLog(view.get().taskId(), history, !view.get().status().unfinished(),
                (l, event) -> store.event(key, l, event));
        return new Task(view.get(), log, key);
    }

    // ---- housekeeping ----

    /** Evicts resting tasks nobody uses from memory; package-private so that tests can drive it. */
    void housekeeping() {
        try {
            heapProbe.check();
            long now = clock.millis();
            boolean flushed = false;
            for (Task task : live.values()) {
                if (evictable(task, now)) {
                    if (!flushed) {
                        store.flush();
                        flushed = true;
                    }
                    // Checked again inside the map's atomic step: a resume pins the task in one (owned with pin).
                    live.computeIfPresent(task.key(), (id, present) -> present == task && evictable(task, now) ? null : present);
                }
            }
        } catch (Throwable e) {
            // A periodic task that throws is never run again: catch everything. During a write incident the
            // writer has already said so once.
            logPeriodicFailure("Housekeeping", e);
        }
    }

    private boolean evictable(Task task, long nowMillis) {
        // Several instances: a copy of a task run elsewhere (or waiting) is only a cache of the tables.
        boolean resting = !task.status().unfinished() || (cluster != null && !cluster.runsHere(task.key()));
        return resting && task.readers() == 0 && !task.workerActive() && !task.pinned()
                && nowMillis - task.view().updatedAt().toEpochMilli() > EVICT_AFTER_MILLIS;
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

    /** Removes finished tasks and documents older than the retention period, with their files. */
    public void cleanup() {
        store.flush();
        Instant cutoff = clock.instant().minus(options.retention());
        List<String> expiredTasks = stored.tasks().finishedBefore(cutoff);
        List<String> expiredDocuments = stored.documents().unusedBefore(cutoff);
        // Only tasks nobody uses are removed; a task in use (worker, stream, resume) keeps its rows.
        List<String> removed = new ArrayList<>(expiredTasks.size());
        Set<String> documentsInUse = new HashSet<>();
        for (String taskId : expiredTasks) {
            Task task = live.get(taskId);
            if (task != null && (task.workerActive() || task.readers() > 0 || task.pinned())) {
                documentsInUse.add(task.view().documentId());
                continue;
            }
            live.remove(taskId);
            removed.add(taskId);
            stored.results().delete(taskId);
        }
        stored.tasks().delete(removed);
        List<String> removedDocuments = expiredDocuments.stream().filter(id -> !documentsInUse.contains(id)).toList();
        stored.documents().delete(removedDocuments);
        if (!removed.isEmpty() || !removedDocuments.isEmpty()) {
            LOG.info("Retention removed {} task(s) and {} document(s)", removed.size(), removedDocuments.size());
        }
        int pruned = stored.pruneLocalCopies();
        if (pruned > 0) {
            LOG.info("Removed {} local copies of documents and results that the database no longer has", pruned);
        }
    }

    /**
     * Graceful stop: refuses new tasks, tells every unfinished task's stream {@code shutdown}, lets running
     * workers checkpoint (the tasks become interrupted, resumable after a restart) and writes everything.
     */
    public void shutdown(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        scheduler.stopAdmitting();
        if (cluster != null) {
            cluster.scheduler().stopAdmitting();
        }
        for (Task task : live.values()) {
            if (cluster != null && !cluster.runsHere(task.key())) {
                task.log().closeCopy(); // run elsewhere or waiting: its streams re-attach to another instance
                continue;
            }
            synchronized (task) {
                if (!task.status().unfinished()) {
                    continue;
                }
                task.requestStop(0);
                task.status(TaskStatus.INTERRUPTED, clock.instant());
                store.task(task); // the row before its event (see WriteBehind)
                task.log().append(TaskEvent.SHUTDOWN, TaskEvent.shutdownFields(task.messages().get("shutdown.message")));
            }
        }
        try {
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) - 500);
            if (!scheduler.awaitWorkers(left)) {
                LOG.warn("Some task workers did not stop within the grace period");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cluster != null) {
            cluster.close(); // waits for this instance's runs to return (they were told to stop above)
        }
        store.flush();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
        timers.shutdownNow();
        scheduler.shutdownNow();
        store.close();
    }

    private static String text(Locale locale, String key, Object... args) {
        return new Messages("http", locale).get(key, args);
    }
}
