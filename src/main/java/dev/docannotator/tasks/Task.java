package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Messages;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A task held in memory while it can change: its mutable state, its event log and the signals between the
 * request threads and its worker. State changes happen under the task's monitor; the worker polls
 * {@link #stopRequested()} between two pipeline steps.
 */
public final class Task {
    private final TaskView initial;
    private final EventLog log;
    private final String key;

    private TaskStatus status;
    private Stage stage;
    private int progress;
    private String message;
    private String errorCode;
    private String errorMessage;
    private int annotationCount;
    private Instant updatedAt;

    private volatile boolean stopRequested;
    /** Cuts the running step short (closes a request to the model); set by the worker while it runs. */
    private volatile Runnable onStop;
    private volatile long cancelRequestedNanos;
    private CompletableFuture<Void> worker = CompletableFuture.completedFuture(null);
    private int readers;
    private int pins;
    private int annotationsSent;
    private boolean runHere;
    private ExtractedText liveText;
    private List<Annotation> liveAnnotations = List.of();

    Task(TaskView view, EventLog log) {
        this(view, log, TaskKeys.of(view.userId(), view.taskId()));
    }

    /** A task stored under {@code key} (see {@link TaskKeys}). */
    Task(TaskView view, EventLog log, String key) {
        this.key = key;
        this.initial = view;
        this.log = log;
        this.status = view.status();
        this.stage = view.stage();
        this.progress = view.progress();
        this.message = view.message();
        this.errorCode = view.errorCode();
        this.errorMessage = view.errorMessage();
        this.annotationCount = view.annotationCount();
        this.updatedAt = view.updatedAt();
        this.annotationsSent = log.annotationEvents();
    }

    public String id() {
        return initial.taskId();
    }

    /** Where the task is stored: its id scoped to its identity. */
    String key() {
        return key;
    }

    public String userId() {
        return initial.userId();
    }

    public boolean pausable() {
        return initial.pausable();
    }

    public EventLog log() {
        return log;
    }

    /** The server's texts in the language the task was started in (for the messages of its events). */
    Messages messages() {
        return new Messages("http", Locale.forLanguageTag(initial.locale()));
    }

    public synchronized TaskView view() {
        return new TaskView(initial.taskId(), initial.userId(), initial.documentId(), initial.filename(),
                initial.format(), initial.requirement(), initial.locale(), initial.pausable(), status, stage, progress,
                message, errorCode, errorMessage, annotationCount, initial.createdAt(), updatedAt, initial.analyser());
    }

    /**
     * Announces a change of this task's state: queues its row as it is now and the event that tells it, in one step
     * of the writer, so that the row is committed with the event or before it and no instance answering from the row
     * contradicts an event a client already saw. Every event that changes the status or progress goes through here.
     *
     * <p>Lock order: this task's monitor, then its log's lock, then the writer's lock. The row is taken here, before
     * the log's lock, because {@link #view()} needs this monitor and plain appends ({@link EventLog#append(StreamEvent)})
     * do not always hold it: asking for it under the log's lock could deadlock with a thread holding it and appending.
     */
    synchronized TaskEvent announce(StreamEvent event) {
        return log.append(event, view());
    }

    /** Several instances: whether this instance runs the task now (then its copy is the truth, not the tables). */
    synchronized boolean runHere() {
        return runHere;
    }

    synchronized void runHere(boolean value) {
        runHere = value;
    }

    /** Several instances: takes the stored state written by the instance that runs the task. */
    synchronized void refresh(TaskView stored) {
        status = stored.status();
        stage = stored.stage();
        progress = stored.progress();
        message = stored.message();
        errorCode = stored.errorCode();
        errorMessage = stored.errorMessage();
        annotationCount = stored.annotationCount();
        updatedAt = stored.updatedAt();
    }

    public synchronized TaskStatus status() {
        return status;
    }

    synchronized void status(TaskStatus newStatus, Instant now) {
        status = newStatus;
        updatedAt = now;
    }

    synchronized Stage stage() {
        return stage;
    }

    synchronized int progress() {
        return progress;
    }

    synchronized String message() {
        return message;
    }

    synchronized void progress(Stage newStage, int newProgress, String newMessage, Instant now) {
        stage = newStage;
        progress = Math.max(progress, newProgress);
        message = newMessage;
        updatedAt = now;
    }

    synchronized void failed(String code, String text, Instant now) {
        status = TaskStatus.FAILED;
        errorCode = code;
        errorMessage = text;
        message = text;
        updatedAt = now;
    }

    synchronized void annotationCount(int count) {
        annotationCount = count;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void requestStop(long requestedNanos) {
        cancelRequestedNanos = requestedNanos;
        stopRequested = true;
        Runnable hook = onStop;
        if (hook != null) {
            hook.run();
        }
    }

    /** What a stop request does to the running step besides raising the flag; null when nothing runs. */
    void onStop(Runnable hook) {
        onStop = hook;
        if (hook != null && stopRequested) {
            hook.run();
        }
    }

    /** When the last cancel was requested (System.nanoTime), 0 when never. */
    public long cancelRequestedNanos() {
        return cancelRequestedNanos;
    }

    synchronized void workerStarted(CompletableFuture<Void> done) {
        stopRequested = false;
        worker = done;
    }

    synchronized CompletableFuture<Void> worker() {
        return worker;
    }

    synchronized boolean workerActive() {
        return !worker.isDone();
    }

    synchronized int attachReader() {
        return ++readers;
    }

    synchronized int detachReader() {
        return --readers;
    }

    synchronized int readers() {
        return readers;
    }

    /** Keeps the task in memory (housekeeping skips it) until as many {@link #unpin()} calls. */
    synchronized void pin() {
        pins++;
    }

    synchronized void unpin() {
        pins--;
    }

    synchronized boolean pinned() {
        return pins > 0;
    }

    synchronized int annotationsSent() {
        return annotationsSent;
    }

    synchronized void annotationSent() {
        annotationsSent++;
    }

    /** Several instances: the log was replaced by the stored one (see {@link EventLog#endedElsewhere}). */
    synchronized void recountAnnotationsSent() {
        annotationsSent = log.annotationEvents();
    }

    /** Several instances: {@code more} annotation events another instance sent were taken into this copy's log. */
    synchronized void annotationsFollowed(int more) {
        annotationsSent += more;
    }

    synchronized void live(ExtractedText text, List<Annotation> annotations) {
        liveText = text;
        liveAnnotations = annotations;
    }

    synchronized ExtractedText liveText() {
        return liveText;
    }

    synchronized List<Annotation> liveAnnotations() {
        return liveAnnotations;
    }
}
