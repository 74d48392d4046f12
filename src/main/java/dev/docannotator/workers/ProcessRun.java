package dev.docannotator.workers;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.tasks.TaskRun;
import dev.docannotator.tasks.TaskRunFailure;
import dev.docannotator.tasks.TaskRunStopped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A task's run in a worker process, seen from the task worker thread that drives it: every call is a request on
 * the worker's channel, answered in order; events come back as they happen and are handed to the caller's sink
 * on the calling thread, so the task service persists and publishes them exactly as for an in-process run. The
 * text and annotations are mirrored here from the events. A worker that ends mid-call fails the call with
 * {@code worker_failed} and a sentence saying what happened.
 */
final class ProcessRun implements TaskRun {
    /**
     * Steps shorter than this together are done in one request: one round trip between processes for a run of
     * paragraph-sized steps instead of one per step. It bounds how far the worker runs ahead of a cancel too.
     */
    static final long STEP_BUDGET_NANOS = 10_000_000L;
    private final WorkerSupervisor.Lease lease;
    private final WorkerProcess worker;
    private final Locale locale;
    private final WorkerSupervisor.FailureText failureText;
    private Stage stage = Stage.READ;
    private boolean hasNext = true;
    private ExtractedText text = ExtractedText.empty();
    private final List<Annotation> annotations = new ArrayList<>();
    private RunReport report;
    private Checkpoint finalCheckpoint;
    private boolean clean = true;
    /** Answers read while waiting for another one (a checkpoint asked mid-batch), in order. */
    private final java.util.ArrayDeque<Protocol.FromWorker> pending = new java.util.ArrayDeque<>();
    /** A batch of steps was asked for and its last step has not been read yet. */
    private boolean outstanding;
    private long stepsConsumed;
    private boolean gone;
    private boolean closed;

    ProcessRun(WorkerSupervisor.Lease lease, Locale locale, WorkerSupervisor.FailureText failureText) {
        this.lease = lease;
        this.worker = lease.process();
        this.locale = locale;
        this.failureText = failureText;
    }

    void open(String taskId, PipelineInput input, Checkpoint from) {
        worker.replies().clear();
        if (from != null) {
            annotations.addAll(from.annotations());
            if (from.stage() != Stage.READ && from.stage() != Stage.QUEUED) {
                text = from.text();
            }
        }
        send(new Protocol.Run(taskId, input.document().toAbsolutePath().toString(), input.format(),
                input.requirement(), input.output().toAbsolutePath().toString(), input.analyser(),
                locale.toLanguageTag(), from));
        Protocol.FromWorker answer = answer();
        if (answer instanceof Protocol.Started started) {
            stage = started.stage();
            hasNext = started.hasNext();
            report = started.report();
        } else {
            throw unexpected(answer);
        }
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public void next(Consumer<PipelineEvent> sink) {
        if (lease.stopRequested()) {
            throw new TaskRunStopped("the worker is being stopped");
        }
        if (!outstanding) {
            send(new Protocol.Step(STEP_BUDGET_NANOS));
            outstanding = true;
        }
        while (true) {
            Protocol.FromWorker answer = answer();
            if (answer instanceof Protocol.Progress p) {
                stage = p.runStage();
                sink.accept(new PipelineEvent.Progress(p.stage(), p.progress(), p.message(), p.detail()));
            } else if (answer instanceof Protocol.Found f) {
                stage = f.runStage();
                annotations.add(f.annotation());
                sink.accept(new PipelineEvent.AnnotationFound(f.annotation()));
            } else if (answer instanceof Protocol.Text t) {
                text = t.text();
            } else if (answer instanceof Protocol.Completed c) {
                stage = Stage.DONE;
                hasNext = false;
                finalCheckpoint = c.checkpoint();
                report = c.report();
                sink.accept(new PipelineEvent.Completed(c.annotationCount(), c.summary(), c.report(), Path.of(c.output())));
            } else if (answer instanceof Protocol.StepDone done) {
                stage = done.stage();
                hasNext = done.hasNext();
                stepsConsumed++;
                outstanding = !done.last();
                return;
            } else {
                throw unexpected(answer);
            }
        }
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public ExtractedText text() {
        return text;
    }

    @Override
    public List<Annotation> annotations() {
        return List.copyOf(annotations);
    }

    @Override
    public Checkpoint checkpoint() {
        if (finalCheckpoint != null) {
            return finalCheckpoint;
        }
        send(new Protocol.GetCheckpoint(stepsConsumed));
        while (true) {
            Protocol.FromWorker answer = take();
            if (answer instanceof Protocol.CheckpointReply reply) {
                return reply.textOmitted() ? reply.checkpoint().withText(text) : reply.checkpoint();
            }
            if (answer instanceof Protocol.Gone) {
                gone = true;
                throw workerFailed();
            }
            pending.add(answer); // the rest of a batch of steps the caller stopped reading: read by next()
        }
    }

    @Override
    public RunReport report() {
        return report;
    }

    @Override
    public void abort() {
        if (gone) {
            return;
        }
        try {
            worker.send(new Protocol.Abort());
        } catch (IOException ignored) {
            // the worker is gone: nothing left to abort
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!gone) {
            // With a batch still running, wait until the worker says the run is gone, so that nothing of this
            // run is left on the channel for the next task.
            boolean ack = outstanding;
            try {
                worker.send(new Protocol.Close(ack));
                while (ack) {
                    Protocol.FromWorker answer = take();
                    if (answer instanceof Protocol.Closed) {
                        break;
                    }
                    if (answer instanceof Protocol.Gone) {
                        gone = true;
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                clean = false;
            }
        }
        lease.release(clean && !gone);
    }

    private void send(Protocol.ToWorker message) {
        if (gone) {
            throw workerFailed();
        }
        try {
            worker.send(message);
        } catch (IOException e) {
            // Its output ends too: the reader hands on Gone, and the cause is known once the process has ended.
            gone = true;
            throw workerFailed();
        }
    }

    /** The next answer; a failure or the end of the worker becomes an exception. */
    private Protocol.FromWorker answer() {
        Protocol.FromWorker answer = pending.isEmpty() ? take() : pending.poll();
        if (answer instanceof Protocol.Gone) {
            gone = true;
            throw workerFailed();
        }
        if (answer instanceof Protocol.Failed failed) {
            outstanding = false;
            if (failed.aborted()) {
                throw new TaskRunStopped("the step was cut short");
            }
            throw new TaskRunFailure(failed.code(), failed.message(), false);
        }
        return answer;
    }

    /** The next answer from the channel itself. */
    private Protocol.FromWorker take() {
        try {
            return worker.replies().take();
        } catch (InterruptedException e) {
            clean = false; // the answer is still coming: this worker is not lent again
            Thread.currentThread().interrupt();
            throw new TaskRunStopped("interrupted while the worker was busy");
        }
    }

    private TaskRunFailure workerFailed() {
        WorkerProcess.Cause cause = worker.cause();
        return new TaskRunFailure("worker_failed", failureText.of(cause, worker, locale), cause.retryable());
    }

    private IllegalStateException unexpected(Protocol.FromWorker answer) {
        clean = false;
        return new IllegalStateException("Unexpected answer from worker " + worker.id() + ": " + answer);
    }
}
