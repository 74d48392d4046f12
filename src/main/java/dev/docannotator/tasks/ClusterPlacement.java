package dev.docannotator.tasks;

import dev.docannotator.common.Messages;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of several instances on one PostgreSQL database ({@link ClusterTasks}): tasks are claimed through the
 * database (any instance may run any task), a cancel reaches the instance running the task, streams follow tasks
 * run elsewhere, and a task whose instance died is taken over (so start-up marks nothing interrupted). This
 * instance's copy of a task it does not run is only a cache of the tables.
 */
final class ClusterPlacement implements Placement {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPlacement.class);

    private final ClusterTasks cluster;
    private final TaskService.Options options;
    private Parts parts;

    ClusterPlacement(ClusterTasks cluster, TaskService.Options options) {
        this.cluster = cluster;
        this.options = options;
    }

    @Override
    public Store store(Store store) {
        return store; // the PostgreSQL store announces each commit's tasks itself, inside the transaction
    }

    @Override
    public void start(Parts parts) {
        this.parts = parts;
        parts.writer().onEndedElsewhere(this::endedElsewhere);
        cluster.bind(options, this::runClaimed, this::cancelledElsewhere, this::followStored, this::takeCarried,
                this::abandonedUnclaimed);
        cluster.start();
        warmUpCancels();
    }

    /**
     * The first cross-instance cancel after start-up was the slowest (BENCHMARKS.md): its statements, connections,
     * classes and texts were all used for the first time. They are used once here, for a task that does not exist.
     */
    private void warmUpCancels() {
        cluster.warmUp();
        try {
            parts.store().tasks().find(ClusterTasks.WARM_UP_KEY);
            parts.store().events().after(ClusterTasks.WARM_UP_KEY, 0);
            for (Locale locale : List.of(Messages.ENGLISH, Messages.CHINESE)) {
                Messages messages = new Messages("http", locale);
                StreamEvent.dataLine(ClusterTasks.WARM_UP_KEY, new StreamEvent.Cancelled(Stage.ANALYSE, 0,
                        messages.get("cancelled.message"), messages.get("cancelled.detail",
                        messages.get("stage." + Stage.ANALYSE.id()), 0)));
                messages.get("cancelled.abandoned");
                Texts.of(locale, "task.cancel_finished", TaskStatus.COMPLETED.id());
            }
        } catch (RuntimeException e) {
            LOG.debug("Warming up the cancel path failed: {}", e.getMessage());
        }
    }

    /**
     * Admission is decided in the database (limits across instances); the task is reserved, its {@code task} event
     * (and a resume's kept annotations) committed, and only then released to be claimed by whichever instance has a
     * free worker, which continues its log from the table. Its position is not known here: no position event.
     */
    @Override
    public void admit(Task task, Scheduler.Announcer announcer) {
        if (cluster.scheduler().reserve(task.key(), task.userId()) == 0) {
            // Queued or running already (another resume was first): the answer to a resume of a running task.
            throw TaskException.conflict(Texts.of(Locale.forLanguageTag(task.view().locale()), "task.not_resumable",
                    TaskStatus.RUNNING.id()));
        }
        try {
            announcer.admitted(task, false, 0);
            parts.writer().flush();
            cluster.scheduler().release(task.key());
        } catch (RuntimeException e) {
            cluster.scheduler().unreserve(task.key());
            throw e;
        }
    }

    @Override
    public boolean runsHere(Task task) {
        return cluster.runsHere(task.key());
    }

    @Override
    public boolean takeOutOfLine(Task task) {
        return false; // the waiting line is in the database: see cancel
    }

    /**
     * A task claimed by an instance is cancelled in one transaction ({@link CancelRecords#cancelClaimed}): its
     * {@code cancelled} event is appended after its last stored one and the streams are woken at once, while the
     * running instance, woken too, only stops its worker and checkpoints (what it had not committed yet is left out
     * of the log: no client saw it). Also when this instance runs the task: appended here, {@code cancelled} would
     * come after every event still held in memory, which each client would have to read first (BENCHMARKS.md,
     * cluster6). A task waiting in the line takes the path below.
     */
    @Override
    public boolean cancelClaimedRun(String userId, String taskId, Locale locale) {
        if (taskId == null || !TaskFiles.ID.matcher(taskId).matches()) {
            return false;
        }
        String key = TaskKeys.of(userId, taskId);
        return cluster.cancelRecords().cancelClaimed(key, cluster.instanceId(), target -> cancelledData(target, locale));
    }

    /**
     * The data of the {@code cancelled} event of a task nobody follows any more (empty: none, it is cancelled or
     * interrupted already). Only a task still unfinished here is cancelled so: the caller makes sure of it.
     */
    private static Optional<String> abandonedData(CancelRecords.Target target) {
        if (!target.status().unfinished()) {
            return Optional.empty();
        }
        Messages messages = new Messages("http", Locale.forLanguageTag(target.locale()));
        return Optional.of(StreamEvent.dataLine(target.taskId(),
                CancelAndResume.cancelledEvent(messages, target.stage(), target.progress(), false)));
    }

    /** The data of the {@code cancelled} event a user's cancel appends (empty: none, cancelled already), or why not. */
    private static Optional<String> cancelledData(CancelRecords.Target target, Locale locale) {
        if (!target.pausable()) {
            throw new TaskException(TaskException.Reason.FEATURE_DISABLED, Texts.of(locale, "feature.pausable_off"));
        }
        TaskStatus status = target.status();
        if (status == TaskStatus.COMPLETED || status == TaskStatus.FAILED) {
            throw TaskException.conflict(Texts.of(locale, "task.cancel_finished", status.id()));
        }
        if (!status.unfinished()) {
            return Optional.empty(); // cancelled or interrupted: the request still reaches the instance that runs it
        }
        Messages messages = new Messages("http", Locale.forLanguageTag(target.locale()));
        return Optional.of(StreamEvent.dataLine(target.taskId(),
                CancelAndResume.cancelledEvent(messages, target.stage(), target.progress(), true)));
    }

    /**
     * Another instance ended the log of a task this instance runs (it accepted the task's cancel): the writer left
     * out what this instance had not committed of it. Takes the stored log and row and stops the worker.
     */
    private void endedElsewhere(String key) {
        Task task = parts.live().get(key);
        if (task == null) {
            return;
        }
        List<TaskEvent> stored = parts.store().events().after(key, task.log().durableSeq());
        Optional<TaskView> row = parts.store().tasks().find(key);
        synchronized (task) {
            task.log().endedElsewhere(stored);
            task.recountAnnotationsSent();
            row.ifPresent(task::refresh);
        }
        if (task.log().closed() && !task.stopRequested()) {
            task.requestStop(System.nanoTime());
        }
    }

    /**
     * A task no instance has claimed yet is taken out of the line and cancelled here (nobody else writes its log);
     * one running elsewhere gets a cancel request, which wakes its instance (NOTIFY) to stop it at its next step and
     * write {@code cancelled}, which every stream then sees.
     */
    @Override
    public void cancel(Task task, Locale locale, long requestedNanos) {
        if (runsHere(task)) {
            parts.cancels().cancelHere(task, locale, requestedNanos);
            return;
        }
        followStored(task);
        if (cluster.scheduler().removeWaiting(task.key()) || !cluster.scheduler().scheduled(task.key())) {
            parts.cancels().cancelHere(task, locale, requestedNanos);
            return;
        }
        TaskStatus status = task.status();
        if (status == TaskStatus.COMPLETED || status == TaskStatus.FAILED) {
            throw TaskException.conflict(Texts.of(locale, "task.cancel_finished", status.id()));
        }
        cluster.cancels().request(task.key());
    }

    /**
     * Waits (up to 10 s) until no instance runs the task any more, woken by the NOTIFY that the end of a run sends
     * (ClusterScheduler#finish), then takes its stored state: read after the row was seen gone, so it holds all of
     * that run (whose writes were in the tables before its row went).
     */
    @Override
    public void awaitNoRun(Task task, Locale locale) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ClusterScheduler scheduler = cluster.scheduler();
        while (true) {
            long seen = scheduler.runEndsSeen();
            if (runsHere(task) || !scheduler.scheduled(task.key())) {
                break;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw TaskException.conflict(Texts.of(locale, "task.still_stopping"));
            }
            try {
                scheduler.awaitRunEnded(seen, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TaskException.conflict(Texts.of(locale, "task.still_stopping"));
            }
        }
        followStored(task);
        cluster.cancels().clear(task.key());
    }

    @Override
    public void follow(Task task) {
        followStored(task);
    }

    @Override
    public boolean accepting() {
        return cluster.scheduler().accepting();
    }

    @Override
    public int queueDepth() {
        return cluster.scheduler().queueDepth();
    }

    @Override
    public int runningCount() {
        return cluster.scheduler().runningCount();
    }

    @Override
    public void stopAdmitting() {
        cluster.scheduler().stopAdmitting();
    }

    @Override
    public void awaitRuns(long millis) {
        cluster.close(); // waits for this instance's runs to return (they were told to stop)
    }

    @Override
    public void close() {
        cluster.close();
    }

    /**
     * Runs a task this instance claimed, from its last checkpoint (after a fail-over too: the dead instance's task is
     * still running in the table). Returns when this run ends.
     */
    private void runClaimed(String key) {
        Task task = parts.live().loadIfAbsent(key);
        if (task == null) {
            return; // removed meanwhile (retention)
        }
        parts.writer().flush();
        followStored(task);
        CompletableFuture<Void> done = new CompletableFuture<>();
        task.workerStarted(done);
        try {
            if (!task.status().unfinished()) {
                return;
            }
            Optional<CancelRequest> cancelled = cluster.cancels().requested(key);
            if (cancelled.isPresent()) {
                cancelledElsewhere(cancelled.get());
                return;
            }
            task.runHere(true);
            parts.worker().run(task);
        } finally {
            try {
                // Before this copy stops being the truth: from then on the tables must hold all of this run.
                parts.writer().flush();
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

    /**
     * A cancel accepted elsewhere (or here, see {@link #cancelClaimedRun}), or a grace that ran out, for a task this
     * instance runs. An abandoned task's {@code cancelled} is appended in the table first, as a user's cancel does:
     * after what this instance committed, not behind what it still holds (the stop below then only stops the worker,
     * and its own {@code cancelled} is left out as the log ended). The stop happens before this returns, so the
     * wake-up that the append sends finds the task stopping and is not taken again.
     */
    private void cancelledElsewhere(CancelRequest request) {
        Task task = parts.live().get(request.taskKey());
        if (task == null || task.stopRequested()) {
            return;
        }
        if (request.abandoned() && task.status().unfinished()) {
            try {
                cluster.cancelRecords().cancelClaimed(request, cluster.instanceId(), ClusterPlacement::abandonedData);
            } catch (RuntimeException e) {
                LOG.warn("Task {}: its cancel is not stored yet ({}); it is cancelled here", task.id(), e.toString());
            }
        }
        try {
            Locale byUser = request.abandoned() ? null : Locale.forLanguageTag(task.view().locale());
            parts.cancels().cancelHere(task, byUser, System.nanoTime());
        } catch (TaskException finished) {
            LOG.debug("Task {} finished before the cancel from another instance arrived", task.id());
        }
    }

    /**
     * The disconnect grace is judged in the database, across instances: the client may re-attach to another
     * instance than the one it left.
     */
    @Override
    public DisconnectGrace disconnectGrace(ScheduledExecutorService timers) {
        return new DisconnectGrace() {
            @Override
            public void opened(Task task) {
                try {
                    cluster.streams().opened(task.key());
                } catch (RuntimeException e) {
                    LOG.warn("Task {}: its stream is not recorded ({}); the disconnect grace may not see it",
                            task.id(), e.getMessage());
                }
            }

            @Override
            public void closed(Task task, boolean clientGone) {
                try {
                    cluster.streams().closed(task.key(), clientGone);
                } catch (RuntimeException e) {
                    LOG.warn("Task {}: the end of its stream is not recorded ({})", task.id(), e.getMessage());
                }
            }
        };
    }

    /**
     * A task whose clients all went away longer than the grace ago, and which no instance had claimed when the sweep
     * found it: cancelled here if it still waits (or runs nowhere), else its new runner is asked to.
     */
    private void abandonedUnclaimed(String key) {
        Task task = parts.live().loadIfAbsent(key);
        if (task == null) {
            return;
        }
        if (runsHere(task)) {
            parts.cancels().cancelHere(task, null, System.nanoTime());
            return;
        }
        followStored(task);
        if (!task.status().unfinished()) {
            return;
        }
        if (cluster.scheduler().removeWaiting(key) || !cluster.scheduler().scheduled(key)) {
            parts.cancels().cancelHere(task, null, System.nanoTime());
        } else {
            cluster.cancels().request(new CancelRequest(key, true));
        }
    }

    /**
     * An event another instance committed and carried in its wake-up (a cancel's {@code cancelled}), taken in at
     * once: a task run elsewhere shows it when it continues this copy's log; a task run here has its log ended by it
     * when it follows the last event committed here (what was numbered after it is dropped, as the group commit would
     * drop it on finding the end; the cancel's own wake-up stops the worker). Otherwise the read that the same wake-up
     * queues, or this instance's next group commit, brings it as before.
     */
    private void takeCarried(String key, TaskEvent event) {
        Task task = parts.live().get(key);
        if (task == null) {
            return;
        }
        synchronized (task) {
            if (!task.runHere()) {
                task.log().absorb(List.of(event));
            } else if (task.log().endedElsewhereBy(event)) {
                task.recountAnnotationsSent();
            }
        }
    }

    /** Brings this instance's copy of a task run elsewhere up to date with the tables; "" for every task. */
    private void followStored(String key) {
        if (key.isEmpty()) {
            parts.live().all().forEach(this::followStored); // the listener reconnected: catch up on everything
            return;
        }
        Task task = parts.live().get(key);
        if (task != null) {
            followStored(task);
        }
    }

    private void followStored(Task task) {
        if (task.runHere()) {
            return; // read only after this instance's run ended and flushed: a read taken during it is already old
        }
        try {
            List<TaskEvent> committed = parts.store().events().after(task.key(), task.log().lastSeq());
            Optional<TaskView> view = parts.store().tasks().find(task.key());
            synchronized (task) {
                if (task.runHere()) {
                    return; // this instance writes its log; what was read may already be older
                }
                long before = task.log().lastSeq();
                task.log().absorb(committed);
                long after = task.log().lastSeq();
                // A resume here must know every annotation already sent, or it sends the checkpoint's again.
                task.annotationsFollowed((int) committed.stream().filter(e -> e.seq() > before && e.seq() <= after
                        && TaskEvent.ANNOTATION.equals(e.type())).count());
                view.ifPresent(task::refresh);
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot follow task {}: {}", task.id(), e.getMessage());
        }
    }
}
