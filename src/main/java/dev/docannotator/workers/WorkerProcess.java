package dev.docannotator.workers;

import dev.docannotator.analysis.llm.LlmMetrics;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM and its channel: a reader thread that answers heartbeats and queues the run's answers, a thread
 * that copies its stderr into the server's log (prefixed with the worker id), and how it ended.
 */
final class WorkerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
    /** The worker log lines, under their own logger name so that operators can filter them. */
    private static final Logger WORKER_LOG = LoggerFactory.getLogger("dev.docannotator.workers.worker");
    /** The exit status of a JVM that stopped with {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OOM_EXIT_STATUS = 3;
    /** How long {@link #cause()} waits for a worker whose channel closed to exit and say why. */
    private static final long EXIT_WAIT_SECONDS = 10;
    /** Where {@code nice} lives on Linux and macOS; elsewhere workers run at the server's priority. */
    private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

    /** Why a worker ended without being asked to. */
    enum Cause {
        OOM, TIMEOUT, UNRESPONSIVE, CRASHED, START_FAILED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether one more attempt of the task on a fresh worker may succeed (not when the document itself is to blame). */
        boolean retryable() {
            return this == CRASHED || this == UNRESPONSIVE;
        }
    }

    /** What the supervisor hears from a worker. */
    interface Listener {
        void ready(WorkerProcess worker);

        void exited(WorkerProcess worker);
    }

    private final String id;
    private final Process process;
    private final OutputStream stdin;
    private final Object writeLock = new Object();
    private final BlockingQueue<Protocol.FromWorker> replies = new LinkedBlockingQueue<>();
    /** Upload checks sent and not yet answered, by request id; completed with null when the worker is gone. */
    private final java.util.Map<Long, java.util.concurrent.CompletableFuture<Protocol.Validated>> validations =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong validationIds = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean channelClosed;
    private final Instant startedAt;
    private final long spawnedNanos = System.nanoTime();
    private final int heapMb;
    private volatile boolean ready;
    private volatile long heapMaxMb;
    private volatile long lastPongNanos = System.nanoTime();
    private volatile long lastPingNanos;
    private volatile long pingSeq;
    private volatile Cause killCause;
    private final Object causeLock = new Object();
    private Cause endCause;
    private volatile boolean oomSeen;
    private volatile boolean stopping;
    private int tasksDone;
    /** Where the model calls the worker reports are counted (the server's meters; null without a model). */
    private final LlmMetrics modelMetrics;
    /** Model requests started and not yet finished: no longer in flight once the worker is gone. */
    private int modelCallsOpen;

    private WorkerProcess(String id, Process process, Instant startedAt, int heapMb, LlmMetrics modelMetrics) {
        this.id = id;
        this.modelMetrics = modelMetrics;
        this.process = process;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
        this.startedAt = startedAt;
        this.heapMb = heapMb;
    }

    /** The command line of a worker: the server's own java binary and class path, a heap limit, exit on OOM. */
    static List<String> command(String id, WorkerSettings settings) {
        List<String> command = new ArrayList<>();
        // nice execs java in the same process (same pid): the worker yields the CPU to the server's request threads.
        Path nice = NICE.stream().filter(java.nio.file.Files::isExecutable).findFirst().orElse(null);
        if (settings.niceness() > 0 && nice != null) {
            command.addAll(List.of(nice.toString(), "-n", Integer.toString(settings.niceness())));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.heapMb() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC"); // one task at a time: no parallel GC threads to pay for
        command.add("-XX:-UsePerfData");
        command.add("-Djava.awt.headless=true");
        // Names the worker and its server in the process table (ps, ProcessHandle): whose child it is.
        command.add("-Ddocannotator.worker=" + id);
        command.add("-Ddocannotator.worker.server=" + ProcessHandle.current().pid());
        command.addAll(settings.jvmArgs());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        return command;
    }

    /** Starts the JVM and sends it its configuration; {@link #listen} starts the reader threads. */
    static WorkerProcess spawn(String id, WorkerSettings settings, Protocol.Configure configure, LlmMetrics modelMetrics,
                               Instant now) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(id, settings));
        Process process = builder.start();
        WorkerProcess worker = new WorkerProcess(id, process, now, settings.heapMb(), modelMetrics);
        worker.send(configure);
        return worker;
    }

    void listen(Listener listener) {
        Thread reader = new Thread(() -> read(listener), "worker-" + id + "-channel");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(this::forwardStderr, "worker-" + id + "-stderr");
        errors.setDaemon(true);
        errors.start();
        process.onExit().thenRun(() -> listener.exited(this));
    }

    private void read(Listener listener) {
        DataInputStream in = Protocol.input(process.getInputStream());
        try {
            while (true) {
                Protocol.FromWorker message = Protocol.read(in, Protocol.FromWorker.class);
                if (message == null) {
                    return;
                }
                if (message instanceof Protocol.Pong) {
                    lastPongNanos = System.nanoTime();
                } else if (message instanceof Protocol.Validated validated) {
                    var waiting = validations.remove(validated.id());
                    if (waiting != null) {
                        waiting.complete(validated);
                    }
                } else if (message instanceof Protocol.ModelCall call) {
                    modelCall(call.observation());
                } else if (message instanceof Protocol.Ready r) {
                    heapMaxMb = r.heapMaxMb();
                    lastPongNanos = System.nanoTime();
                    ready = true;
                    listener.ready(this);
                } else {
                    replies.add(message);
                }
            }
        } catch (Protocol.NotAFrame text) {
            if (text.getMessage().contains("OutOfMemoryError")) {
                oomSeen = true; // the JVM said so on its stdout and is ending
                WORKER_LOG.warn("[worker {} pid {}] {}", id, process.pid(), text.getMessage());
            } else if (process.isAlive() && !stopping && killCause == null) {
                LOG.warn("Worker {}: text on its channel ({}), killing it", id, text.getMessage());
                kill(Cause.CRASHED);
            }
        } catch (IOException | RuntimeException e) {
            if (process.isAlive() && !stopping && killCause == null) {
                LOG.warn("Worker {}: unreadable channel, killing it", id, e);
                kill(Cause.CRASHED);
            }
        } finally {
            if (modelMetrics != null && modelCallsOpen > 0) {
                modelMetrics.abandoned(modelCallsOpen);
                modelCallsOpen = 0;
            }
            replies.add(new Protocol.Gone());
            channelClosed = true;
            validations.values().forEach(waiting -> waiting.complete(null));
            validations.clear();
        }
    }

    /**
     * Sends a check of {@code file}; the answer completes the future, or null does when the worker ends first.
     * Any number may be outstanding; the worker does them one after another on its validation lane.
     */
    java.util.concurrent.CompletableFuture<Protocol.Validated> validate(Path file, String filenameHint) {
        long id = validationIds.incrementAndGet();
        var answer = new java.util.concurrent.CompletableFuture<Protocol.Validated>();
        validations.put(id, answer);
        if (channelClosed) { // the reader is done: nobody else completes it
            validations.remove(id);
            answer.complete(null);
            return answer;
        }
        try {
            send(new Protocol.Validate(id, file.toAbsolutePath().toString(), filenameHint));
        } catch (IOException e) {
            // the channel is closing: the reader completes it with null (or did already)
            if (channelClosed && validations.remove(id) != null) {
                answer.complete(null);
            }
        }
        return answer;
    }

    /** On the reader thread: counts what the worker's model client observed in the server's meters. */
    private void modelCall(LlmMetrics.Observation observation) {
        if (modelMetrics == null) {
            return;
        }
        switch (observation.type()) {
            case STARTED -> modelCallsOpen++;
            case FINISHED -> modelCallsOpen = Math.max(0, modelCallsOpen - 1);
            default -> { }
        }
        modelMetrics.record(observation);
    }

    private void forwardStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.contains("OutOfMemoryError")) {
                    oomSeen = true;
                    WORKER_LOG.warn("[worker {} pid {}] {}", id, process.pid(), line);
                } else {
                    WORKER_LOG.info("[worker {} pid {}] {}", id, process.pid(), line);
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    void send(Protocol.ToWorker message) throws IOException {
        synchronized (writeLock) {
            Protocol.write(stdin, message);
        }
    }

    /** Sends a heartbeat unless one went out less than {@code intervalNanos} ago. */
    void pingIfDue(long intervalNanos) {
        long now = System.nanoTime();
        if (now - lastPingNanos < intervalNanos) {
            return;
        }
        lastPingNanos = now;
        try {
            send(new Protocol.Ping(++pingSeq));
        } catch (IOException e) {
            // the exit follows and is handled there
        }
    }

    long silentNanos() {
        return System.nanoTime() - lastPongNanos;
    }

    /** SIGKILL, recording why. */
    void kill(Cause cause) {
        if (killCause == null) {
            killCause = cause;
        }
        LOG.warn("Worker {} (pid {}): killed ({})", id, process.pid(), cause.id());
        process.destroyForcibly();
    }

    /** A stop it was asked for: end of stdin and SIGTERM now, SIGKILL after {@code grace}. */
    void terminate(java.time.Duration grace) {
        stopping = true;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Worker {} (pid {}) did not stop within {} ms: SIGKILL", id, process.pid(), grace.toMillis());
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why it ended (call once it has ended): as killed, out of memory, or a crash. Decided once: the supervisor's
     * crash count and the task's failure message ask separately and must agree.
     */
    Cause cause() {
        synchronized (causeLock) {
            if (endCause == null) {
                endCause = classifyEnd();
            }
            return endCause;
        }
    }

    private Cause classifyEnd() {
        if (killCause != null) {
            return killCause;
        }
        try {
            // Its channel is closed, so it is ending: a JVM out of memory may take seconds on a busy machine to
            // print why and exit with status 3, and a crash must not be counted before that is known.
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killCause != null) {
            return killCause;
        }
        if (!process.isAlive() && process.exitValue() == OOM_EXIT_STATUS || oomSeen) {
            return Cause.OOM;
        }
        return ready ? Cause.CRASHED : Cause.START_FAILED;
    }

    /** The exit status, or -1 while it runs. */
    int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean ready() {
        return ready;
    }

    boolean stopping() {
        return stopping;
    }

    void markStopping() {
        stopping = true;
    }

    Instant startedAt() {
        return startedAt;
    }

    long spawnedNanos() {
        return spawnedNanos;
    }

    long heapMaxMb() {
        return heapMb; // the -Xmx given (the JVM reports a little less: one survivor space)
    }

    int heapMb() {
        return heapMb;
    }

    BlockingQueue<Protocol.FromWorker> replies() {
        return replies;
    }

    int tasksDone() {
        return tasksDone;
    }

    void taskDone() {
        tasksDone++;
    }
}
