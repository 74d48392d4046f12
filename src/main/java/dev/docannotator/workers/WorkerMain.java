package dev.docannotator.workers;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.llm.LlmFailure;
import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import dev.docannotator.pipeline.Stage;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process: reads {@link Protocol.ToWorker} frames on stdin, runs one task's pipeline at a time, answers on
 * stdout (so nothing else may print there: {@code System.out} goes to stderr, which the server logs). It never
 * touches the database. It exits when its stdin ends or its parent is gone, so it cannot outlive the server.
 */
public final class WorkerMain {
    /** Enables the test hooks (see {@link TestHooks}); never set in production. */
    static final String TEST_HOOKS_PROPERTY = "docannotator.worker.testHooks";
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private final DataInputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final ExecutorService pipeline = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "worker-pipeline");
        t.setDaemon(true);
        return t;
    });
    /**
     * Uploads are admitted on a lane of their own: an answer never waits behind a run's steps. One at a time, so that
     * a document that brings the worker down is the only one whose check fails with it.
     */
    private final ExecutorService validation = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "worker-validate");
        t.setDaemon(true);
        return t;
    });
    private final boolean testHooks;
    /** Flushes events held back by a step that then takes long (a request to the model), so none waits more than 5 ms. */
    private final java.util.concurrent.ScheduledExecutorService flusher =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "worker-flush");
                t.setDaemon(true);
                return t;
            });
    private boolean flushPending;
    private volatile Engine engine;
    private volatile PipelineRun current;
    private volatile boolean abortRequested;
    private Protocol.Run currentRequest;
    private Locale currentLocale = Locale.ENGLISH;
    private boolean textSent;
    /** Steps done by the current run; the checkpoints after each step of the current batch but its last. */
    private long stepsDone;
    private final java.util.Map<Long, Checkpoint> batchCheckpoints = new java.util.HashMap<>();
    /** When the running step started (0 between steps): a short step's events go out in one write. */
    private long stepStartedNanos;
    /** A step's events are held back this long at most, then stream one by one (e.g. a model's findings). */
    private static final long BATCH_NANOS = 5_000_000L;

    WorkerMain(DataInputStream in, OutputStream out, boolean testHooks) {
        this.in = in;
        this.out = out;
        this.testHooks = testHooks;
    }

    public static void main(String[] args) {
        OutputStream channel = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        System.setOut(System.err); // stdout is the channel: a stray print must not corrupt it
        boolean hooks = Boolean.getBoolean(TEST_HOOKS_PROPERTY)
                || "1".equals(System.getenv("ANNOTATOR_WORKER_TEST_HOOKS"));
        watchParent();
        int exit = 0;
        try {
            new WorkerMain(Protocol.input(new FileInputStream(FileDescriptor.in)), channel, hooks).serve();
        } catch (Throwable e) {
            LOG.error("The worker's channel failed", e);
            exit = 1;
        }
        Runtime.getRuntime().halt(exit); // nothing to flush: the server owns every durable byte
    }

    /** Exits when the process that started this one is gone (a second guard beside the end of stdin). */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (parent.isEmpty() || !parent.get().isAlive()) {
                    System.err.println("The server process is gone: the worker exits");
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Reads requests until the end of stdin or a shutdown. */
    void serve() throws IOException {
        while (true) {
            Protocol.ToWorker message = Protocol.read(in, Protocol.ToWorker.class);
            if (message == null || message instanceof Protocol.Shutdown) {
                return;
            }
            if (message instanceof Protocol.Ping ping) {
                send(new Protocol.Pong(ping.seq()));
            } else if (message instanceof Protocol.Validate validate) {
                validation.execute(() -> validate(validate));
            } else if (message instanceof Protocol.Abort) {
                abortRequested = true;
                PipelineRun run = current;
                if (run != null) {
                    run.abort();
                }
            } else {
                pipeline.execute(() -> handle(message));
            }
        }
    }

    /** Runs on the pipeline thread, one request at a time. */
    private void handle(Protocol.ToWorker message) {
        try {
            if (message instanceof Protocol.Configure configure) {
                configure(configure);
            } else if (message instanceof Protocol.Run run) {
                start(run);
            } else if (message instanceof Protocol.Step step) {
                steps(step.budgetNanos());
            } else if (message instanceof Protocol.GetCheckpoint get) {
                Checkpoint saved = get.step() == stepsDone ? current.checkpoint() : batchCheckpoints.get(get.step());
                if (saved == null) {
                    LOG.error("No checkpoint after step {} (done {})", get.step(), stepsDone);
                    saved = current.checkpoint();
                }
                boolean omitText = textSent && saved.stage() != Stage.READ;
                send(new Protocol.CheckpointReply(omitText ? saved.withText(null) : saved, omitText));
            } else if (message instanceof Protocol.Close close) {
                close();
                if (close.ack()) {
                    send(new Protocol.Closed());
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot answer the server", e);
            Runtime.getRuntime().halt(1);
        }
    }

    private void configure(Protocol.Configure configure) throws IOException {
        // The model calls are counted by the server: each observation goes there on the channel.
        this.engine = Engines.create(configure.documentLimits(), configure.runLimits(), configure.llm(),
                LlmMetrics.relayedTo(this::relay));
        FormatWarmUp.admitSamples(engine);
        send(new Protocol.Ready(ProcessHandle.current().pid(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        if (configure.warmUpGrammar() && engine.analyser() instanceof DefaultAnalyser analyser) {
            analyser.warmUpGrammarInBackground();
        }
    }

    /** On the validation lane: admits the upload as the in-process engine does, and says how it went. */
    private void validate(Protocol.Validate request) {
        Protocol.Validated answer;
        try {
            if (testHooks) {
                TestHooks.beforeValidate(request.filenameHint());
            }
            answer = new Protocol.Validated(request.id(),
                    engine.admit(Path.of(request.file()), request.filenameHint()), null, false);
        } catch (DocumentRejectedException rejected) {
            answer = new Protocol.Validated(request.id(), null, Protocol.Rejection.of(rejected), false);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Checking an upload failed in the worker", e);
            answer = new Protocol.Validated(request.id(), null, null, true);
        }
        try {
            send(answer);
        } catch (IOException e) {
            LOG.error("Cannot answer the server", e);
            Runtime.getRuntime().halt(1);
        }
    }

    private void start(Protocol.Run request) throws IOException {
        close();
        currentRequest = request;
        currentLocale = Messages.supported(Locale.forLanguageTag(request.locale()));
        textSent = false;
        abortRequested = false;
        stepsDone = 0;
        batchCheckpoints.clear();
        PipelineInput input = new PipelineInput(Path.of(request.document()), request.format(), request.requirement(),
                Path.of(request.output()), request.analyser());
        try {
            current = engine.start(input, request.from(), currentLocale);
            send(new Protocol.Started(current.stage(), current.hasNext(), current.report()));
        } catch (RuntimeException e) {
            send(failure(e));
        }
    }

    /** Steps until the budget is spent, the run is over, a step fails or an abort comes. */
    private void steps(long budgetNanos) throws IOException {
        batchCheckpoints.clear();
        long started = System.nanoTime();
        stepStartedNanos = started;
        while (true) {
            if (!step()) {
                stepStartedNanos = 0;
                return;
            }
            boolean more = current.hasNext() && !abortRequested && System.nanoTime() - started < budgetNanos;
            if (more) {
                // The server may stop after any step of the batch and ask for the checkpoint right after it.
                batchCheckpoints.put(stepsDone, current.checkpoint());
            }
            if (more) {
                sendEvent(new Protocol.StepDone(current.stage(), current.hasNext(), false));
            } else {
                stepStartedNanos = 0;
                send(new Protocol.StepDone(current.stage(), current.hasNext(), true));
                return;
            }
        }
    }

    /** One step and its events; false when it failed (the failure is sent). */
    private boolean step() throws IOException {
        PipelineRun run = current;
        if (run == null) {
            send(new Protocol.Failed("internal_error", "No run to step", false));
            return false;
        }
        List<IOException> broken = new ArrayList<>(1);
        try {
            if (testHooks) {
                TestHooks.beforeStep(currentRequest.requirement(), run.stage());
            }
            run.next(event -> {
                try {
                    forward(run, event);
                } catch (IOException e) {
                    broken.add(e);
                    throw new java.io.UncheckedIOException(e);
                }
            });
            stepsDone++;
            return true;
        } catch (RuntimeException | Error e) {
            if (!broken.isEmpty()) {
                throw broken.get(0);
            }
            send(failure(e));
            return false;
        }
    }

    private void forward(PipelineRun run, PipelineEvent event) throws IOException {
        if (!textSent && run.stage() != Stage.READ) {
            sendEvent(new Protocol.Text(run.text()));
            textSent = true;
        }
        if (event instanceof PipelineEvent.Progress p) {
            sendEvent(new Protocol.Progress(p.stage(), p.progress(), p.message(), p.detail(), run.stage()));
        } else if (event instanceof PipelineEvent.AnnotationFound found) {
            sendEvent(new Protocol.Found(found.annotation(), run.stage()));
        } else if (event instanceof PipelineEvent.Completed c) {
            sendEvent(new Protocol.Completed(c.annotationCount(), c.summary(), c.report(), c.output().toString(),
                    run.checkpoint()));
        }
    }

    /** An event of the running step: buffered while the step is young, so a short step costs one write. */
    private void sendEvent(Protocol.FromWorker message) throws IOException {
        boolean flush = stepStartedNanos == 0 || System.nanoTime() - stepStartedNanos > BATCH_NANOS;
        synchronized (writeLock) {
            Protocol.write(out, message, flush);
            if (!flush && !flushPending) {
                flushPending = true;
                flusher.schedule(this::flushQuietly, BATCH_NANOS, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void flushQuietly() {
        synchronized (writeLock) {
            flushPending = false;
            try {
                out.flush();
            } catch (IOException e) {
                LOG.error("Cannot answer the server", e);
                Runtime.getRuntime().halt(1);
            }
        }
    }

    /** A model call's observation, from whichever thread the model client reports on. */
    private void relay(LlmMetrics.Observation observation) {
        try {
            sendEvent(new Protocol.ModelCall(observation));
        } catch (IOException e) {
            LOG.error("Cannot answer the server", e);
            Runtime.getRuntime().halt(1);
        }
    }

    private Protocol.Failed failure(Throwable e) {
        boolean aborted = abortRequested;
        if (e instanceof DocumentRejectedException rejected) {
            return new Protocol.Failed("unprocessable_document", rejected.message(currentLocale), aborted);
        }
        if (e instanceof LlmFailure failure) {
            return new Protocol.Failed("llm_failed",
                    new Messages("llm", currentLocale).get("failure." + failure.kind().id()), aborted);
        }
        if (!aborted) {
            LOG.error("A task's run failed in the worker", e);
        }
        return new Protocol.Failed("internal_error", new Messages("http", currentLocale).get("error.internal"), aborted);
    }

    private void close() {
        PipelineRun run = current;
        current = null;
        currentRequest = null;
        batchCheckpoints.clear();
        if (run != null) {
            run.close();
        }
    }

    private void send(Protocol.FromWorker message) throws IOException {
        synchronized (writeLock) {
            Protocol.write(out, message);
        }
    }

    /** Stops taking work (for tests that drive a worker in this JVM). */
    void stop() throws InterruptedException {
        pipeline.shutdownNow();
        validation.shutdownNow();
        pipeline.awaitTermination(5, TimeUnit.SECONDS);
    }
}
