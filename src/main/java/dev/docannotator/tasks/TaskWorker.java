package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmFailure;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one task's pipeline run step by step on a worker thread: checks the stop flag between two steps,
 * turns pipeline events into log events, saves checkpoints, and on a stop takes the final checkpoint and
 * closes the run so its memory and files are released.
 */
final class TaskWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWorker.class);

    private final TaskRunner runner;
    private final TaskFiles files;
    private final WriteBehind store;
    private final Store stored;
    private final TaskMetrics metrics;
    private final HeapReleaseProbe heapProbe;
    private final Clock clock;
    private final long checkpointIntervalNanos;
    private final ResultLinks links;

    TaskWorker(TaskRunner runner, TaskFiles files, WriteBehind store, Store stored, TaskMetrics metrics,
               HeapReleaseProbe heapProbe, Clock clock, Duration checkpointInterval, ResultLinks links) {
        this.runner = runner;
        this.links = links;
        this.files = files;
        this.store = store;
        this.stored = stored;
        this.metrics = metrics;
        this.heapProbe = heapProbe;
        this.clock = clock;
        this.checkpointIntervalNanos = checkpointInterval.toNanos();
    }

    void run(Task task) {
        run(task, 0);
    }

    /** {@code attempt} 1 is the one retry after the process running the task crashed. */
    private void run(Task task, int attempt) {
        synchronized (task) {
            if (task.status() == TaskStatus.QUEUED) {
                task.status(TaskStatus.RUNNING, clock.instant());
                store.task(task);
            }
            if (task.status() != TaskStatus.RUNNING || task.stopRequested()) {
                return;
            }
        }
        TaskView view = task.view();
        Locale locale = Messages.supported(Locale.forLanguageTag(view.locale()));
        Checkpoint from = stored.checkpoints().load(task.key()).orElse(null);
        // The store's local copy (PostgreSQL: fetched into this machine's cache when another instance received it).
        Path document = stored.documents().localFile(view.documentId()).orElse(files.document(view.documentId()));
        PipelineInput input = new PipelineInput(document, view.format(), view.requirement(),
                stored.results().workFile(task.key(), view.format()), view.analyser());
        TaskRun run = null;
        boolean stopped = false;
        boolean retry = false;
        try {
            run = runner.start(task.id(), input, from, locale, task::stopRequested);
            // A pause closes an open request to the model at once, not after it; on its own thread, so that the
            // cancel request (which holds the task's monitor) answers without waiting for the connection to close.
            TaskRun aborting = run;
            task.onStop(() -> {
                Thread abort = new Thread(aborting::abort, "abort-" + task.id());
                abort.setDaemon(true);
                abort.start();
            });
            if (!run.hasNext()) {
                completeFromCheckpoint(task, run);
                return;
            }
            long lastCheckpoint = System.nanoTime();
            while (run.hasNext()) {
                if (task.stopRequested()) {
                    stopped = true;
                    break;
                }
                TaskRun current = run;
                current.next(event -> {
                    emit(task, current, event);
                    if (current.stage() != Stage.READ && task.liveText() == null) {
                        task.live(current.text(), current.annotations());
                    } else if (event instanceof PipelineEvent.AnnotationFound) {
                        task.live(task.liveText(), current.annotations());
                    }
                });
                if (run.stage() != Stage.READ && task.liveText() == null) {
                    task.live(run.text(), run.annotations());
                }
                if (run.hasNext() && System.nanoTime() - lastCheckpoint > checkpointIntervalNanos) {
                    store.checkpoint(task.key(), run.checkpoint());
                    lastCheckpoint = System.nanoTime();
                }
            }
            if (stopped) {
                store.checkpoint(task.key(), run.checkpoint());
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof TaskRunFailure failure && !task.stopRequested()) {
                if (failure.retryable() && attempt == 0) {
                    LOG.warn("Task {}: {}; trying once more from its last checkpoint", task.id(), failure.getMessage());
                    retry = true;
                } else {
                    LOG.warn("Task {} failed: {} ({})", task.id(), failure.getMessage(), failure.code());
                    fail(task, failure.code(), failure.getMessage());
                }
            } else if (task.stopRequested() || wasInterrupted(e) || e instanceof TaskRunStopped) {
                // A stop (cancel, shutdown, executor shutdownNow) cut the step short: that is no failure.
                stopped = true;
                LOG.info("Task {} stopped during a step ({})", task.id(), e.toString());
                stopAfterInterruption(task, run);
            } else if (e instanceof DocumentRejectedException rejected) {
                fail(task, "unprocessable_document", rejected.message(locale));
            } else if (e instanceof LlmFailure failure) {
                LOG.info("Task {}: the language model failed ({})", task.id(), failure.kind().id());
                fail(task, "llm_failed", new Messages("llm", locale).get("failure." + failure.kind().id()));
            } else {
                LOG.error("Task {} failed", task.id(), e);
                fail(task, "internal_error", new Messages("http", locale).get("error.internal"));
            }
        } finally {
            task.onStop(null);
            if (run != null) {
                run.close();
            }
            task.live(null, List.of());
            if (stopped && run != null) {
                try {
                    stoppedAfterCancel(task, run, view);
                } catch (RuntimeException e) {
                    LOG.debug("Task {}: no heap release estimate", task.id(), e);
                }
            }
            store.task(task);
        }
        if (retry) {
            store.flush(); // the retry starts from the last checkpoint saved
            run(task, attempt + 1);
        }
    }

    /** Whether the thread was interrupted or the failure was caused by an interruption. */
    private static boolean wasInterrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the final checkpoint (the last whole step) and, when nobody asked for the stop (an executor
     * shutdown), marks the task interrupted and tells its stream, like a graceful stop would.
     */
    private void stopAfterInterruption(Task task, TaskRun run) {
        if (run != null) {
            try {
                store.checkpoint(task.key(), run.checkpoint());
            } catch (RuntimeException e) {
                LOG.warn("Task {}: no checkpoint after the stop", task.id(), e);
            }
        }
        synchronized (task) {
            if (task.status() != TaskStatus.RUNNING) {
                return; // cancel or shutdown already set the status and told the stream
            }
            task.status(TaskStatus.INTERRUPTED, clock.instant());
            task.announce(new StreamEvent.Shutdown(task.messages().get("shutdown.message")));
        }
    }

    private void stoppedAfterCancel(Task task, TaskRun run, TaskView view) {
        long requested = task.cancelRequestedNanos();
        if (requested != 0) {
            metrics.cancelToWorkerStopped(task.pausable(), Duration.ofNanos(System.nanoTime() - requested));
        }
        long size = 0;
        try {
            size = Files.size(files.document(view.documentId()));
        } catch (java.io.IOException | RuntimeException ignored) {
            // the estimate then counts the text only
        }
        long estimate = size + 2L * run.text().text().length() + 256L * run.annotations().size();
        heapProbe.watch(task.pausable(), List.of(run), new long[] {estimate});
    }

    private void emit(Task task, TaskRun run, PipelineEvent event) {
        if (event instanceof PipelineEvent.Progress p) {
            task.progress(p.stage(), p.progress(), p.message(), clock.instant());
            // After a crash the last checkpoint may be older than the last event sent: never report less than before.
            task.announce(new StreamEvent.Progress(p.stage(), task.progress(), p.message(), p.detail()));
        } else if (event instanceof PipelineEvent.AnnotationFound found) {
            sendAnnotation(task, found.annotation());
        } else if (event instanceof PipelineEvent.Completed completed) {
            complete(task, run.checkpoint(), completed.annotationCount(), completed.summary(), completed.report());
        }
    }

    /**
     * Sends an annotation unless an earlier run of this task already sent it (ids are a1, a2, ... in order), with the
     * task's row that counts it ({@link Task#announce}).
     */
    static void sendAnnotation(Task task, Annotation annotation) {
        synchronized (task) {
            if (ordinal(annotation) <= task.annotationsSent()) {
                return;
            }
            // Counted first and announced with the row: another instance answering from the row never shows
            // fewer annotations than a client has seen.
            task.annotationCount(Math.max(task.view().annotationCount(), ordinal(annotation)));
            if (task.announce(new StreamEvent.AnnotationFound(annotation)) != null) {
                task.annotationSent();
            }
        }
    }

    private static int ordinal(Annotation annotation) {
        String id = annotation.id();
        try {
            return id != null && id.startsWith("a") ? Integer.parseInt(id.substring(1)) : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private void completeFromCheckpoint(Task task, TaskRun run) {
        Checkpoint checkpoint = run.checkpoint();
        Map<String, Integer> summary = new TreeMap<>();
        for (Annotation a : checkpoint.annotations()) {
            summary.merge(a.category(), 1, Integer::sum);
        }
        complete(task, checkpoint, checkpoint.annotations().size(), summary, run.report());
    }

    private void complete(Task task, Checkpoint checkpoint, int count, Map<String, Integer> summary, RunReport report) {
        // Durable before the result event says it is there (PostgreSQL: so that any instance can serve it).
        stored.results().put(task.key(), task.view().format());
        store.checkpoint(task.key(), checkpoint);
        store.annotations(task.key(), checkpoint.annotations());
        synchronized (task) {
            task.annotationCount(count);
            if (task.status() != TaskStatus.RUNNING) {
                // Cancelled or interrupted during the last step: the checkpoint is at DONE and a resume finishes.
                return;
            }
            task.status(TaskStatus.COMPLETED, clock.instant());
            task.progress(Stage.DONE, 100, task.message(), clock.instant());
            task.announce(new StreamEvent.Result(count, links.document(task.id()),
                    links.annotations(task.id()), summary, report));
        }
    }

    private void fail(Task task, String code, String message) {
        synchronized (task) {
            if (task.status() != TaskStatus.RUNNING) {
                return;
            }
            task.failed(code, message, clock.instant());
            task.announce(new StreamEvent.Failed(code, message));
        }
    }
}
