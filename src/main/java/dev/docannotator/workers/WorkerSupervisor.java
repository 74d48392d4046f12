package dev.docannotator.workers;

import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.common.Messages;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.RejectionText;
import dev.docannotator.tasks.TaskException;
import dev.docannotator.tasks.TaskRun;
import dev.docannotator.tasks.TaskRunFailure;
import dev.docannotator.tasks.TaskRunStopped;
import dev.docannotator.tasks.TaskRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, watches and replaces the worker processes, and lends them to task worker threads one task at a time
 * (it is the server's {@link TaskRunner} in process mode). Uploads are checked in validator processes of their own
 * (the same worker program), one upload at a time each, so a hostile upload is never opened in the server and never
 * shares a process with a task. A worker that dies, runs out of memory, stops answering
 * heartbeats or overruns the task time limit is killed and replaced, with a growing delay when it keeps crashing;
 * a worker is recycled after a number of tasks, make-before-break: its successor starts while it keeps working and
 * takes its place once ready, so a recycle never leaves a role without a process (no upload waits for a JVM to
 * start, {@code /ready} stays 200). Operators list, stop, start and restart workers through it.
 */
public final class WorkerSupervisor implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisor.class);
    private static final long WATCH_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How long past the validation time limit a check is waited for if the watchdog has not ended it. */
    private static final long VALIDATION_GUARD_MILLIS = 15_000;

    /** A worker's state, as the operator API reports it. */
    public enum State {
        STARTING, IDLE, BUSY, STOPPING, STOPPED, CRASHED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One worker as {@code GET /api/admin/workers} lists it; {@code pid} and {@code task_id} only when there is one. */
    public record WorkerView(String id, Long pid, String state, String taskId, int tasksDone, int restarts,
                             Instant startedAt, long heapMaxMb) {
    }

    /**
     * The body of {@code GET /api/admin/workers}: the task workers, and the processes that check uploads (their
     * {@code tasks_done} counts uploads checked).
     */
    public record View(String mode, List<WorkerView> workers, List<WorkerView> validators) {
    }

    /** What a worker process is for. */
    private enum Role {
        /** Runs tasks' pipelines, one task at a time. */
        TASK,
        /** Checks uploads, one at a time. */
        VALIDATION
    }

    /** One place for a worker: its current process (if any) and what it has done over every process it had. */
    private static final class Slot {
        final String id;
        final Role role;
        WorkerProcess process;
        State state = State.STOPPED;
        boolean wanted;
        boolean restartWhenIdle;
        String taskId;
        long taskStartedNanos;
        int tasksDone;
        int launches;
        int consecutiveCrashes;
        Instant startedAt;
        ScheduledFuture<?> pendingStart;
        /** The process starting to take this slot's place when it is recycled (make-before-break), once spawned. */
        WorkerProcess successor;
        /** A successor is being spawned (before {@link #successor} is set). */
        boolean successorSpawning;

        Slot(String id, Role role) {
            this.id = id;
            this.role = role;
        }
    }

    /** A worker lent to one task's run. */
    final class Lease {
        private final Slot slot;
        private final WorkerProcess process;

        private Lease(Slot slot, WorkerProcess process) {
            this.slot = slot;
            this.process = process;
        }

        WorkerProcess process() {
            return process;
        }

        /** An operator stops this worker: its task stops at the next step boundary. */
        boolean stopRequested() {
            synchronized (WorkerSupervisor.this) {
                return slot.process == process && (!slot.wanted || closed);
            }
        }

        /** Gives the worker back; {@code clean} is false when the channel may hold answers nobody read. */
        void release(boolean clean) {
            WorkerSupervisor.this.release(this, clean);
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final WorkerSettings settings;
    private final Protocol.Configure configure;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Counter restarts;
    private final MeterRegistry registry;
    /** The server's meters of model calls, which the workers report theirs to (null without a model). */
    private final LlmMetrics modelMetrics;
    private boolean closed;
    /** The first start is over: every worker was ready once, or the start timeout passed. */
    private boolean started;
    private long startNanos;

    /**
     * {@code count} workers with {@code settings}, each building its engine from {@code configure}; meters in
     * {@code registry}. Nothing starts before {@link #start()}.
     */
    WorkerSupervisor(int count, WorkerSettings settings, Protocol.Configure configure, MeterRegistry registry,
                     Clock clock) {
        this(count, settings, configure, null, registry, clock);
    }

    private WorkerSupervisor(int count, WorkerSettings settings, Protocol.Configure configure, LlmMetrics modelMetrics,
                             MeterRegistry registry, Clock clock) {
        this.modelMetrics = modelMetrics;
        this.settings = settings;
        this.configure = configure;
        this.clock = clock;
        this.registry = registry;
        for (int i = 1; i <= count; i++) {
            slots.add(new Slot("w" + i, Role.TASK));
        }
        for (int i = 1; i <= settings.validators(); i++) {
            slots.add(new Slot("v" + i, Role.VALIDATION));
        }
        this.timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "worker-supervisor");
            t.setDaemon(true);
            return t;
        });
        for (State state : State.values()) {
            Gauge.builder("annotator_workers", this, s -> s.count(state))
                    .description("Document worker processes by state").tag("state", state.id()).register(registry);
        }
        this.restarts = Counter.builder("annotator_worker_restarts_total")
                .description("Worker processes started to replace one (crash, recycling, operator)").register(registry);
        for (WorkerProcess.Cause cause : WorkerProcess.Cause.values()) {
            crashes(cause); // present at 0, so that a dashboard sees the series before the first crash
        }
    }

    /**
     * The supervisor of {@code count} workers that build the engine from these limits and this model ({@code llm}
     * null = none); the model calls the workers make are counted in {@code modelMetrics} (the server's meters).
     */
    public static WorkerSupervisor create(int count, WorkerSettings settings,
                                          dev.docannotator.document.DocumentLimits documentLimits,
                                          dev.docannotator.pipeline.RunLimits runLimits,
                                          dev.docannotator.analysis.llm.LlmSettings llm, LlmMetrics modelMetrics,
                                          MeterRegistry registry, Clock clock) {
        return new WorkerSupervisor(count, settings,
                new Protocol.Configure(documentLimits, runLimits, llm, settings.warmUpGrammar()), modelMetrics,
                registry, clock);
    }

    /** What a worker in {@code slot} is configured with: a validator never loads the grammar checker. */
    private Protocol.Configure configure(Slot slot) {
        return slot.role == Role.TASK ? configure
                : new Protocol.Configure(configure.documentLimits(), configure.runLimits(), configure.llm(), false);
    }

    private Counter crashes(WorkerProcess.Cause cause) {
        return Counter.builder("annotator_worker_crashes_total")
                .description("Worker processes that ended without being asked to, by cause")
                .tag("cause", cause.id()).register(registry);
    }

    public WorkerSettings settings() {
        return settings;
    }

    /** Starts every worker and the watchdog; returns at once (see {@link #awaitReady}). */
    public synchronized void start() {
        for (Slot slot : slots) {
            slot.wanted = true;
            launchSoon(slot, 0);
        }
        startNanos = System.nanoTime();
        timers.scheduleWithFixedDelay(this::watchQuietly, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Waits until every wanted worker is ready (or {@code limit} passes); whether they all are. */
    public synchronized boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean all = slots.stream().allMatch(s -> !s.wanted || s.state == State.IDLE || s.state == State.BUSY);
            long left = deadline - System.nanoTime();
            if (all || left <= 0) {
                return all;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /**
     * The workers have started (each was ready once, or the start timeout passed), one can take a task and one can
     * check an upload.
     */
    public synchronized boolean ready() {
        return !closed && started && running(Role.TASK) && running(Role.VALIDATION);
    }

    private boolean running(Role role) {
        return slots.stream().anyMatch(s -> s.role == role && (s.state == State.IDLE || s.state == State.BUSY));
    }

    private synchronized double count(State state) {
        return slots.stream().filter(s -> s.state == state).count();
    }

    /** The workers as the operator API lists them. */
    public synchronized View view() {
        List<WorkerView> list = new ArrayList<>();
        List<WorkerView> validators = new ArrayList<>();
        for (Slot s : slots) {
            WorkerProcess p = s.process;
            (s.role == Role.TASK ? list : validators).add(new WorkerView(s.id, p == null ? null : p.pid(), s.state.id(), s.taskId, s.tasksDone,
                    Math.max(0, s.launches - 1), s.startedAt, p == null ? settings.heapMb() : p.heapMaxMb()));
        }
        return new View(WorkerSettings.Isolation.PROCESS.mode(), list, validators);
    }

    /** Starts every stopped worker (and one waiting out its crash delay at once). */
    public synchronized void startAll() {
        for (Slot slot : slots) {
            slot.wanted = true;
            if (slot.state == State.STOPPED || slot.state == State.CRASHED) {
                launchSoon(slot, 0);
            }
        }
    }

    /** Stops every worker; a busy one first lets its task checkpoint (the task becomes interrupted, resumable). */
    public synchronized void stopAll() {
        for (Slot slot : slots) {
            stop(slot);
        }
    }

    /** Restarts every worker (a busy one once its task ends). */
    public synchronized void restartAll() {
        for (Slot slot : slots) {
            restart(slot);
        }
    }

    /** Restarts worker {@code id} (when busy, once its task ends); false when there is no such worker. */
    public synchronized boolean restart(String id) {
        for (Slot slot : slots) {
            if (slot.id.equals(id)) {
                restart(slot);
                return true;
            }
        }
        return false;
    }

    private void stop(Slot slot) {
        slot.wanted = false;
        cancelPending(slot);
        dropSuccessor(slot);
        switch (slot.state) {
            case IDLE, STARTING -> terminate(slot);
            case BUSY -> slot.state = State.STOPPING; // the lease sees it between two steps
            case CRASHED -> slot.state = State.STOPPED;
            default -> { }
        }
        notifyAll();
    }

    private void restart(Slot slot) {
        slot.wanted = true;
        dropSuccessor(slot); // an operator's restart replaces the worker as asked, not through a recycle under way
        switch (slot.state) {
            case IDLE, STARTING -> terminate(slot); // its exit launches the next one
            case BUSY -> slot.restartWhenIdle = true;
            case STOPPED, CRASHED -> {
                cancelPending(slot);
                launchSoon(slot, 0);
            }
            default -> { } // stopping: its exit launches the next one, since it is wanted again
        }
        notifyAll();
    }

    private void cancelPending(Slot slot) {
        if (slot.pendingStart != null) {
            slot.pendingStart.cancel(false);
            slot.pendingStart = null;
        }
    }

    /** Called with the lock held: stops the slot's process in the background. */
    private void terminate(Slot slot) {
        WorkerProcess process = slot.process;
        slot.state = State.STOPPING;
        if (process == null) {
            slot.state = State.STOPPED;
            return;
        }
        stopInBackground(process);
    }

    /** Called with the lock held: SIGTERM-then-SIGKILL of {@code process} off the caller's thread. */
    private void stopInBackground(WorkerProcess process) {
        process.markStopping();
        Runnable stop = () -> process.terminate(settings.stopGrace());
        try {
            timers.execute(stop);
        } catch (RejectedExecutionException closing) {
            Thread t = new Thread(stop, "stop-worker-" + process.id());
            t.setDaemon(true);
            t.start();
        }
    }

    private void launchSoon(Slot slot, long delayMillis) {
        if (closed) {
            return;
        }
        cancelPending(slot);
        slot.state = delayMillis > 0 ? State.CRASHED : State.STARTING;
        slot.pendingStart = timers.schedule(() -> launch(slot), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void launch(Slot slot) {
        synchronized (this) {
            slot.pendingStart = null;
            if (!slot.wanted || closed || (slot.process != null && slot.process.alive())) {
                if (slot.process == null || !slot.process.alive()) {
                    slot.state = State.STOPPED;
                }
                notifyAll();
                return;
            }
            slot.state = State.STARTING;
        }
        WorkerProcess process;
        try {
            process = WorkerProcess.spawn(slot.id, settings, configure(slot), modelMetrics, clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("Worker {} could not be started", slot.id, e);
            synchronized (this) {
                crashes(WorkerProcess.Cause.START_FAILED).increment();
                slot.consecutiveCrashes++;
                if (slot.wanted && !closed) {
                    launchSoon(slot, backoffMillis(slot.consecutiveCrashes));
                }
                notifyAll();
            }
            return;
        }
        synchronized (this) {
            slot.process = process;
            slot.startedAt = process.startedAt();
            if (slot.launches++ > 0) {
                restarts.increment();
            }
            LOG.info("Worker {} started (pid {}, heap {} MB)", slot.id, process.pid(), settings.heapMb());
            if (!slot.wanted || closed) {
                terminate(slot);
            }
        }
        listen(slot, process);
    }

    private void listen(Slot slot, WorkerProcess process) {
        process.listen(new WorkerProcess.Listener() {
            @Override
            public void ready(WorkerProcess worker) {
                onReady(slot, worker);
            }

            @Override
            public void exited(WorkerProcess worker) {
                onExit(slot, worker);
            }
        });
    }

    /**
     * Called with the lock held, when the slot's process has done its share of tasks: starts its successor in the
     * background while it keeps working (make-before-break); {@link #handOver} puts the successor in its place.
     */
    private void recycle(Slot slot) {
        if (slot.successor != null || slot.successorSpawning || !slot.wanted || closed) {
            return;
        }
        slot.successorSpawning = true;
        WorkerProcess predecessor = slot.process;
        LOG.info("Worker {} (pid {}) is recycled after {} tasks: its successor starts", slot.id, predecessor.pid(),
                predecessor.tasksDone());
        try {
            timers.execute(() -> spawnSuccessor(slot, predecessor));
        } catch (RejectedExecutionException closing) {
            slot.successorSpawning = false;
        }
    }

    private void spawnSuccessor(Slot slot, WorkerProcess predecessor) {
        WorkerProcess successor;
        try {
            successor = WorkerProcess.spawn(slot.id, settings, configure(slot), modelMetrics, clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("Worker {}: its successor could not be started (it keeps working; tried again after its next "
                    + "task)", slot.id, e);
            synchronized (this) {
                crashes(WorkerProcess.Cause.START_FAILED).increment();
                slot.successorSpawning = false;
            }
            return;
        }
        synchronized (this) {
            slot.successorSpawning = false;
            if (!slot.wanted || closed || slot.process != predecessor) {
                // Stopped, restarted or crashed meanwhile: whatever took its place is not this successor's business.
                stopInBackground(successor);
                return;
            }
            slot.successor = successor;
        }
        listen(slot, successor);
    }

    /**
     * Called with the lock held, when the slot's process is not busy (idle, or gone): the ready successor takes its
     * place and the old process stops in the background. False when there is no ready successor.
     */
    private boolean handOver(Slot slot) {
        WorkerProcess successor = slot.successor;
        if (successor == null || !successor.ready() || !successor.alive()) {
            return false;
        }
        WorkerProcess predecessor = slot.process;
        slot.successor = null;
        slot.process = successor;
        slot.state = State.IDLE;
        slot.taskId = null;
        slot.startedAt = successor.startedAt();
        slot.launches++;
        restarts.increment();
        if (predecessor != null && predecessor.alive()) {
            stopInBackground(predecessor);
        }
        LOG.info("Worker {} recycled: pid {} took over from pid {}", slot.id, successor.pid(),
                predecessor == null ? "-" : predecessor.pid());
        notifyAll();
        return true;
    }

    /** Called with the lock held: stops a successor under way (the slot is stopped or restarted instead). */
    private void dropSuccessor(Slot slot) {
        if (slot.successor != null) {
            stopInBackground(slot.successor);
            slot.successor = null;
        }
    }

    private synchronized void onReady(Slot slot, WorkerProcess process) {
        if (slot.successor == process) {
            LOG.info("Worker {}: successor ready (pid {}) in {} ms", slot.id, process.pid(),
                    (System.nanoTime() - process.spawnedNanos()) / 1_000_000);
            if (slot.state == State.IDLE) {
                handOver(slot);
            } // else busy: it takes over when the task is released
            return;
        }
        if (slot.process == process && slot.state == State.STARTING) {
            slot.state = State.IDLE;
            if (!started && slots.stream().allMatch(s -> !s.wanted || s.state == State.IDLE || s.state == State.BUSY)) {
                started = true;
            }
            LOG.info("Worker {} ready (pid {}) in {} ms", slot.id, process.pid(),
                    (System.nanoTime() - process.spawnedNanos()) / 1_000_000);
            notifyAll();
        }
    }

    private void onExit(Slot slot, WorkerProcess process) {
        WorkerProcess.Cause cause = process.stopping() ? null : process.cause();
        synchronized (this) {
            if (slot.successor == process) {
                // It ended before taking over: the worker it was to replace keeps working, and tries again later.
                slot.successor = null;
                if (cause != null) {
                    crashes(cause).increment();
                    LOG.warn("Worker {}: successor (pid {}) ended before taking over: {} (exit status {})", slot.id,
                            process.pid(), cause.id(), process.exitStatus());
                }
                notifyAll();
                return;
            }
            if (slot.process != process) {
                return;
            }
            slot.process = null;
            slot.taskId = null;
            if (slot.successor != null && slot.wanted && !closed) {
                if (cause != null) {
                    crashes(cause).increment();
                }
                LOG.warn("Worker {} (pid {}) ended: {} (exit status {}); its successor (pid {}) takes its place",
                        slot.id, process.pid(), cause == null ? "stopped" : cause.id(), process.exitStatus(),
                        slot.successor.pid());
                WorkerProcess successor = slot.successor;
                if (!handOver(slot)) { // not ready yet: it becomes the slot's starting process
                    slot.successor = null;
                    slot.process = successor;
                    slot.state = State.STARTING;
                    slot.startedAt = successor.startedAt();
                    slot.launches++;
                    restarts.increment();
                }
                notifyAll();
                return;
            }
            if (cause == null) {
                LOG.info("Worker {} (pid {}) stopped", slot.id, process.pid());
                slot.state = State.STOPPED;
                if (slot.wanted && !closed) {
                    launchSoon(slot, 0);
                }
            } else {
                crashes(cause).increment();
                long upMillis = (System.nanoTime() - process.spawnedNanos()) / 1_000_000;
                slot.consecutiveCrashes = upMillis > 60_000 ? 1 : slot.consecutiveCrashes + 1;
                long delay = backoffMillis(slot.consecutiveCrashes);
                LOG.warn("Worker {} (pid {}) ended: {} (exit status {}); {}", slot.id, process.pid(), cause.id(),
                        process.exitStatus(), slot.wanted && !closed ? "a new one starts in " + delay + " ms" : "not replaced");
                slot.state = State.CRASHED;
                if (slot.wanted && !closed) {
                    launchSoon(slot, delay);
                } else {
                    slot.state = State.STOPPED;
                }
            }
            notifyAll();
        }
    }

    /** No delay after one crash; then 0.5 s, 1 s, 2 s, ... up to 30 s while crashes follow each other. */
    static long backoffMillis(int consecutiveCrashes) {
        if (consecutiveCrashes <= 1) {
            return 0;
        }
        return Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(16, consecutiveCrashes - 2));
    }

    private void watchQuietly() {
        try {
            watch();
        } catch (Throwable e) {
            LOG.error("The worker watchdog failed a round", e);
        }
    }

    /** Heartbeats, the task time limit and the start timeout. */
    private void watch() {
        record Look(WorkerProcess process, State state, long taskStartedNanos, Duration timeLimit) {
        }
        List<Look> looks = new ArrayList<>();
        synchronized (this) {
            if (!started && System.nanoTime() - startNanos > settings.startTimeout().toNanos()) {
                started = true;
                LOG.warn("Not every worker was ready within {} s", settings.startTimeout().toSeconds());
            }
            for (Slot slot : slots) {
                Duration timeLimit = slot.role == Role.TASK ? settings.taskTimeLimit() : settings.validationTimeLimit();
                if (slot.process != null && slot.process.alive() && !slot.process.stopping()) {
                    looks.add(new Look(slot.process, slot.state, slot.taskStartedNanos, timeLimit));
                }
                if (slot.successor != null && slot.successor.alive() && !slot.successor.stopping()) {
                    looks.add(new Look(slot.successor, State.STARTING, 0, timeLimit)); // start timeout, heartbeats
                }
            }
        }
        long now = System.nanoTime();
        for (Look look : looks) {
            WorkerProcess p = look.process();
            if (!p.ready()) {
                if (now - p.spawnedNanos() > settings.startTimeout().toNanos()) {
                    p.kill(WorkerProcess.Cause.START_FAILED);
                }
                continue;
            }
            if ((look.state() == State.BUSY || look.state() == State.STOPPING)
                    && now - look.taskStartedNanos() > look.timeLimit().toNanos()) {
                p.kill(WorkerProcess.Cause.TIMEOUT);
                continue;
            }
            if (p.silentNanos() > settings.heartbeatTimeout().toNanos()) {
                p.kill(WorkerProcess.Cause.UNRESPONSIVE);
                continue;
            }
            p.pingIfDue(settings.heartbeatInterval().toNanos());
        }
    }

    @Override
    public TaskRun start(String taskId, PipelineInput input, Checkpoint from, Locale locale,
                         BooleanSupplier stopRequested) {
        Lease lease = acquire(taskId, locale, stopRequested);
        ProcessRun run = new ProcessRun(lease, locale, this::failureMessage);
        try {
            run.open(taskId, input, from);
            return run;
        } catch (RuntimeException | Error e) {
            run.close();
            throw e;
        }
    }

    private synchronized Lease acquire(String taskId, Locale locale, BooleanSupplier stopRequested) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            if (stopRequested.getAsBoolean() || closed) {
                throw new TaskRunStopped("stopped while waiting for a worker");
            }
            for (Slot slot : slots) {
                if (slot.role == Role.TASK && slot.state == State.IDLE && slot.process != null && slot.process.alive()) {
                    slot.state = State.BUSY;
                    slot.taskId = taskId;
                    slot.taskStartedNanos = System.nanoTime();
                    return new Lease(slot, slot.process);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TaskRunFailure("worker_failed", new Messages("workers", locale).get("failure.unavailable"),
                        false);
            }
            try {
                wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskRunStopped("interrupted while waiting for a worker");
            }
        }
    }

    /**
     * Checks an upload in a validator process: the answer is the engine's own (its format, or the same refusal in
     * the request's language). A check that runs the validator out of memory or past the validation time limit
     * refuses the document (422); a validator that ends otherwise, or none running, is a 503 to try again.
     */
    @Override
    public DocumentFormat admit(Path upload, String filenameHint, Locale locale) {
        Slot slot = acquireValidator(locale);
        WorkerProcess process = slot.process;
        try {
            Protocol.Validated answer;
            try {
                // The watchdog kills it at the time limit, which answers with null; the wait is a second guard.
                answer = process.validate(upload, filenameHint)
                        .get(settings.validationTimeLimit().toMillis() + VALIDATION_GUARD_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                process.kill(WorkerProcess.Cause.TIMEOUT);
                answer = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskException(TaskException.Reason.BUSY,
                        new Messages("workers", locale).get("failure.unavailable"), 5);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Checking the upload failed", e.getCause());
            }
            if (answer == null) {
                throw validatorEnded(process, locale);
            }
            if (answer.rejection() != null) {
                throw answer.rejection().exception();
            }
            if (answer.internalError() || answer.format() == null) {
                throw new IllegalStateException("Checking the upload failed in worker " + slot.id);
            }
            return answer.format();
        } finally {
            releaseValidator(slot, process);
        }
    }

    private RuntimeException validatorEnded(WorkerProcess process, Locale locale) {
        WorkerProcess.Cause cause = process.cause();
        LOG.warn("Worker {} (pid {}) ended while checking an upload: {}", process.id(), process.pid(), cause.id());
        return switch (cause) {
            case OOM -> new DocumentRejectedException(DocumentRejectedException.Reason.UNPROCESSABLE,
                    RejectionText.of("worker.memory", process.heapMb()));
            case TIMEOUT -> new DocumentRejectedException(DocumentRejectedException.Reason.UNPROCESSABLE,
                    RejectionText.of("worker.timeout", settings.validationTimeLimit().toSeconds()));
            default -> new TaskException(TaskException.Reason.BUSY,
                    new Messages("workers", locale).get("validation.crashed", String.valueOf(process.exitStatus())), 5);
        };
    }

    private synchronized Slot acquireValidator(Locale locale) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            if (closed) {
                throw new TaskException(TaskException.Reason.BUSY,
                        new Messages("workers", locale).get("failure.unavailable"), 5);
            }
            for (Slot slot : slots) {
                if (slot.role == Role.VALIDATION && slot.state == State.IDLE && slot.process != null
                        && slot.process.alive()) {
                    slot.state = State.BUSY;
                    slot.taskStartedNanos = System.nanoTime();
                    return slot;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TaskException(TaskException.Reason.BUSY,
                        new Messages("workers", locale).get("failure.unavailable"), 5);
            }
            try {
                wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskException(TaskException.Reason.BUSY,
                        new Messages("workers", locale).get("failure.unavailable"), 5);
            }
        }
    }

    /** A validator back from a check: free again, or stopped, recycled or (when it ended) left to {@link #onExit}. */
    private synchronized void releaseValidator(Slot slot, WorkerProcess process) {
        if (slot.process != process || !process.alive()) {
            notifyAll();
            return;
        }
        slot.tasksDone++;
        process.taskDone();
        slot.consecutiveCrashes = 0;
        if (!slot.wanted || closed) {
            terminate(slot);
        } else if (slot.restartWhenIdle) {
            slot.restartWhenIdle = false;
            terminate(slot);
        } else if (!handOver(slot)) {
            slot.state = State.IDLE;
            if (process.tasksDone() >= settings.recycleAfter()) {
                recycle(slot);
            }
        }
        notifyAll();
    }

    private synchronized void release(Lease lease, boolean clean) {
        Slot slot = lease.slot;
        if (slot.process != lease.process) {
            return; // it crashed or was replaced meanwhile
        }
        slot.taskId = null;
        if (!lease.process.alive()) {
            return; // its exit is handled by onExit
        }
        slot.tasksDone++;
        lease.process.taskDone();
        slot.consecutiveCrashes = 0;
        if (!slot.wanted || closed) {
            terminate(slot);
        } else if (slot.restartWhenIdle) {
            slot.restartWhenIdle = false;
            terminate(slot);
        } else if (handOver(slot)) {
            // A ready successor took its place; the old process stops (clean or not).
        } else if (!clean) {
            terminate(slot); // its channel may hold answers nobody read: it never takes another task
        } else {
            slot.state = State.IDLE;
            if (lease.process.tasksDone() >= settings.recycleAfter()) {
                recycle(slot);
            }
        }
        notifyAll();
    }

    /** The failure text of a task whose worker ended with {@code cause}, in {@code locale}. */
    private String failureMessage(WorkerProcess.Cause cause, WorkerProcess process, Locale locale) {
        Messages messages = new Messages("workers", locale);
        return switch (cause) {
            case OOM -> messages.get("failure.oom", String.valueOf(process.heapMb()));
            case TIMEOUT -> messages.get("failure.timeout", String.valueOf(settings.taskTimeLimit().toSeconds()));
            case UNRESPONSIVE -> messages.get("failure.unresponsive", String.valueOf(settings.heartbeatTimeout().toSeconds()));
            case START_FAILED -> messages.get("failure.unavailable");
            case CRASHED -> messages.get("failure.crashed", String.valueOf(process.exitStatus()));
        };
    }

    /** What {@link ProcessRun} needs to word a worker's failure. */
    interface FailureText {
        String of(WorkerProcess.Cause cause, WorkerProcess process, Locale locale);
    }

    /**
     * Stops every worker: they have had the chance to checkpoint their tasks (the task service drains first); each
     * gets the end of its stdin and SIGTERM, and SIGKILL if it is still there at {@code grace}.
     */
    public void close(Duration grace) {
        List<WorkerProcess> running = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Slot slot : slots) {
                slot.wanted = false;
                cancelPending(slot);
                if (slot.successor != null) {
                    slot.successor.markStopping();
                    running.add(slot.successor);
                    slot.successor = null;
                }
                if (slot.process != null) {
                    slot.process.markStopping();
                    running.add(slot.process);
                    slot.state = State.STOPPING;
                } else {
                    slot.state = State.STOPPED;
                }
            }
            notifyAll();
        }
        timers.shutdownNow();
        List<Thread> stoppers = new ArrayList<>();
        for (WorkerProcess p : running) {
            Thread t = new Thread(() -> p.terminate(grace), "stop-worker-" + p.id());
            t.setDaemon(true);
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join(grace.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            for (Slot slot : slots) {
                slot.state = State.STOPPED;
            }
        }
        LOG.info("Workers stopped");
    }

    @Override
    public void close() {
        close(settings.stopGrace());
    }
}
