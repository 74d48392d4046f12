package dev.docannotator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Benchmarks against the real server process: concurrent streams with random cancels, and idle streams held. */
final class ServerBenchmarks {
    static final int LOAD_STREAMS = Integer.getInteger("bench.streams", 100);
    static final int LOAD_PAGES = Integer.getInteger("bench.pages", 20);
    /** {@code socket}: one plain socket and thread per stream (default); {@code jdk}: java.net.http.HttpClient. */
    static final boolean SOCKET_CLIENT = !"jdk".equals(System.getProperty("bench.client", "socket"));
    /** Over how many ms the load run opens its streams, evenly spaced; 0 opens them all at once. */
    static final long RAMP_MILLIS = Long.getLong("bench.ramp.ms", 0);
    /** Rounds of LOAD_STREAMS streams on the same warm server, their samples pooled (50 cancels make a poor p99). */
    static final int LOAD_ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Streams open right now, and the most open at once during the measured run. */
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicInteger MOST_OPEN = new AtomicInteger();
    static final int[] IDLE_STEPS = Arrays.stream(System.getProperty("bench.idle", "1000,2500,5000").split(","))
            .mapToInt(Integer::parseInt).toArray();

    private ServerBenchmarks() {
    }

    static String run(String which, Path work) throws Exception {
        return "load".equals(which) ? load(work) : idle(work);
    }

    // ---------------------------------------------------------------- load

    /** One stream of the load run and what the client saw. */
    private static final class StreamRun {
        final String user = "bench-" + UUID.randomUUID().toString().replace("-", "");
        final String cancelAt;
        String documentId;
        volatile String taskId;
        long sentNanos;
        volatile long cancelSentNanos;
        volatile long cancelledNanos;
        /** The cancel request's answer: 200 (cancelled), 409 (the task had already finished), 0 (none yet). */
        volatile int cancelStatus;
        volatile String terminal;
        volatile long terminalNanos;
        EventStream stream;

        StreamRun(String cancelAt) {
            this.cancelAt = cancelAt;
        }
    }

    static String load(Path work) throws Exception {
        Path doc = SampleDocuments.docx(work, LOAD_PAGES);
        Path data = Files.createDirectories(work.resolve("load-data"));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, daemon())).build();
        Random random = new Random(42);
        String[] stages = {"read", "analyse", "apply"};
        try (ServerProcess server = ServerProcess.start(data, "1g", Map.of("ANNOTATOR_QUEUE_CAPACITY", "1000",
                "ANNOTATOR_DISCONNECT_GRACE_SECONDS", "600", "ANNOTATOR_ROLLOUT_INITIAL_STAGE", "7"))) {
            warmUp(http, server, doc);
            loadAtStart = loadAverage();
            List<StreamRun> runs = new ArrayList<>();
            double heapBefore = 0;
            double heapPeak = 0;
            double wallSeconds = 0;
            List<String> serverRounds = new ArrayList<>();
            MOST_OPEN.set(0);
            for (int round = 0; round < LOAD_ROUNDS; round++) {
                List<StreamRun> batch = new ArrayList<>();
                for (int i = 0; i < LOAD_STREAMS; i++) {
                    StreamRun run = new StreamRun(random.nextBoolean() ? stages[random.nextInt(3)] : null);
                    run.documentId = upload(http, server, run.user, doc);
                    batch.add(run);
                }
                if (round == 0) {
                    heapBefore = server.heapAfterGc();
                }
                ThreadCpu cpuBefore = ThreadCpu.of(server.pid());
                String burstCpu = null;
                long start = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    long due = start + TimeUnit.MILLISECONDS.toNanos(RAMP_MILLIS) * i / batch.size();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    openStream(http, server, batch.get(i));
                }
                String firstEvents = null;
                String cancels = null;
                while (batch.stream().anyMatch(r -> !r.stream.ended.isDone())) {
                    // Micrometer's quantiles cover a sliding window (the last 1.3-2 minutes): read them as soon as the
                    // round's first events (then its cancels) are all in, not after the rounds, when they read 0.
                    boolean burstOver = batch.stream().allMatch(r -> r.stream.firstEventNanos != 0
                            || r.stream.ended.isDone());
                    if (firstEvents == null && burstOver) {
                        // Before the scrape, which costs the server CPU of its own.
                        burstCpu = String.format(Locale.ROOT, "%s over %.0f ms", ThreadCpu.of(server.pid())
                                .since(cpuBefore), (System.nanoTime() - start) / 1e6);
                        firstEvents = serverQuantiles(server.scrape(), "annotator_time_to_first_event_seconds", "");
                    }
                    if (cancels == null && batch.stream().allMatch(r -> r.cancelAt == null || r.cancelledNanos != 0
                            || r.stream.ended.isDone())) {
                        String text = server.scrape();
                        cancels = serverQuantiles(text, "annotator_cancel_latency_seconds", "phase=\"stream_told\",")
                                + " / worker stopped " + serverQuantiles(text, "annotator_cancel_latency_seconds",
                                "phase=\"worker_stopped\",");
                    }
                    // Not during the burst: a scrape costs the server CPU (every thread's state, every meter), and
                    // the benchmark must not take it from the requests it measures.
                    if (burstOver) {
                        heapPeak = Math.max(heapPeak, server.metric("jvm_memory_used_bytes", "area=\"heap\""));
                    }
                    Thread.sleep(firstEvents == null ? 10 : 200); // the burst's end closely, for its CPU reading
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(20)) {
                        throw new IllegalStateException("the load run did not finish within 20 minutes");
                    }
                }
                wallSeconds += (System.nanoTime() - start) / 1e9 / LOAD_ROUNDS;
                String text = server.scrape();
                if (firstEvents == null) {
                    firstEvents = serverQuantiles(text, "annotator_time_to_first_event_seconds", "");
                }
                if (cancels == null) {
                    cancels = serverQuantiles(text, "annotator_cancel_latency_seconds", "phase=\"stream_told\",")
                            + " / worker stopped " + serverQuantiles(text, "annotator_cancel_latency_seconds",
                            "phase=\"worker_stopped\",");
                }
                serverRounds.add(String.format(Locale.ROOT, "round %d: stream request → first event written %s; "
                        + "cancel request → stream told %s; server CPU from the first request sent to the last first "
                        + "event read (polled every 10 ms): %s", round + 1, firstEvents, cancels, burstCpu));
                runs.addAll(batch);
            }
            double heapAfter = server.heapAfterGc();
            return loadReport(runs, server, serverRounds, heapBefore, heapPeak, heapAfter, wallSeconds);
        }
    }

    /** A few complete streams first, so that the figures are of a warm server, not of class loading and JIT. */
    private static void warmUp(HttpClient http, ServerProcess server, Path doc) throws Exception {
        for (int i = 0; i < 5; i++) {
            StreamRun run = new StreamRun(i % 2 == 0 ? null : "analyse");
            run.documentId = upload(http, server, run.user, doc);
            openStream(http, server, run);
            run.stream.ended.get(5, TimeUnit.MINUTES);
        }
    }

    private static void openStream(HttpClient http, ServerProcess server, StreamRun run) {
        run.stream = new EventStream((type, data) -> {
            run.taskId = data.path("task_id").asText(run.taskId);
            if ("progress".equals(type) && run.cancelAt != null && run.cancelSentNanos == 0
                    && run.cancelAt.equals(data.path("stage").asText())) {
                run.cancelSentNanos = System.nanoTime();
                if (SOCKET_CLIENT) {
                    new SocketClient(server.port()).postForStatus("/api/tasks/" + run.taskId + "/cancel", run.user, "",
                            code -> run.cancelStatus = code);
                } else {
                    http.sendAsync(post(server, "/api/tasks/" + run.taskId + "/cancel", run.user, ""),
                            HttpResponse.BodyHandlers.discarding()).thenAccept(r -> run.cancelStatus = r.statusCode());
                }
            }
            if ("cancelled".equals(type)) {
                run.cancelledNanos = System.nanoTime();
            }
            if (Arrays.asList("result", "cancelled", "error", "shutdown").contains(type)) {
                run.terminal = type;
                run.terminalNanos = System.nanoTime();
            }
        });
        MOST_OPEN.accumulateAndGet(OPEN.incrementAndGet(), Math::max);
        run.stream.ended.whenComplete((type, error) -> OPEN.decrementAndGet());
        String body = Json.write(Map.of("message", "", "task_type", "DOC_ANNOTATE", "document_id", run.documentId));
        run.sentNanos = System.nanoTime();
        if (SOCKET_CLIENT) {
            new SocketClient(server.port()).postStreaming("/api/chat/stream", run.user, body, run.stream);
            return;
        }
        http.sendAsync(post(server, "/api/chat/stream", run.user, body), HttpResponse.BodyHandlers.fromLineSubscriber(run.stream))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        run.stream.ended.completeExceptionally(e);
                    }
                });
    }

    private static String loadAtStart = "unknown";

    /** The 1/5/15-minute load averages (Linux), so that every figure says how busy the machine was. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Per stream, ms from sending the request to {@code at} (streams where it was recorded). */
    private static List<Double> phase(List<StreamRun> runs, java.util.function.ToLongFunction<StreamRun> at) {
        List<Double> values = new ArrayList<>();
        for (StreamRun run : runs) {
            long t = at.applyAsLong(run);
            if (t != 0) {
                values.add((t - run.sentNanos) / 1e6);
            }
        }
        return values;
    }

    /** "p50 / p95 / p99 ms" of a timer's published quantiles in a scrape's {@code text}. */
    private static String serverQuantiles(String text, String name, String labels) {
        StringBuilder sb = new StringBuilder("p50 / p95 / p99");
        String sep = " ";
        for (String q : new String[] {"0.5", "0.95", "0.99"}) {
            sb.append(sep).append(String.format(Locale.ROOT, "%.1f",
                    ServerProcess.metric(text, name, labels + "quantile=\"" + q + "\"") * 1000));
            sep = " / ";
        }
        return sb.append(" ms").toString();
    }

    private static String loadReport(List<StreamRun> runs, ServerProcess server, List<String> serverRounds,
                                     double heapBefore, double heapPeak, double heapAfter, double wallSeconds)
            throws Exception {
        List<Double> firstEvent = new ArrayList<>();
        List<Double> cancelSeen = new ArrayList<>();
        int succeeded = 0;
        int cancelsSent = 0;
        int finishedFirst = 0;
        List<String> lost = new ArrayList<>();
        for (StreamRun run : runs) {
            if (run.stream.firstEventNanos != 0) {
                firstEvent.add((run.stream.firstEventNanos - run.sentNanos) / 1e6);
            }
            if (run.cancelSentNanos != 0) {
                cancelsSent++;
                if (run.cancelledNanos != 0) {
                    cancelSeen.add((run.cancelledNanos - run.cancelSentNanos) / 1e6);
                }
            }
            // A cancel sent on a late progress event may reach a task that has just completed: the server answers 409
            // (task.cancel_finished) and the stream ends with its result, as it should. Anything else that does not
            // end as the client was told is a lost event.
            boolean endedFirst = run.cancelSentNanos != 0 && run.cancelStatus == 409 && "result".equals(run.terminal);
            boolean wanted = run.cancelSentNanos != 0 ? "cancelled".equals(run.terminal) || endedFirst
                    : "result".equals(run.terminal);
            if (endedFirst) {
                finishedFirst++;
            }
            if (wanted) {
                succeeded++;
            } else {
                lost.add(String.format(Locale.ROOT, "task %s: cancel at %s sent %s, answered %d, stream ended with %s "
                        + "(%.1f ms after the cancel was sent)", run.taskId, run.cancelAt,
                        run.cancelSentNanos != 0 ? "yes" : "no", run.cancelStatus, run.terminal,
                        run.terminalNanos == 0 || run.cancelSentNanos == 0 ? -1.0
                                : (run.terminalNanos - run.cancelSentNanos) / 1e6));
            }
        }
        StringBuilder sb = new StringBuilder("## Concurrent streams with random cancels\n\n");
        sb.append(String.format(Locale.ROOT, "%d rounds of %d streams of a %d-page DOCX, default requirement, "
                + "%d cancels sent in all; a round took %.1f s; each round's streams opened %s (at most %d open at once); "
                + "client: %s.%n%n", LOAD_ROUNDS, LOAD_STREAMS, LOAD_PAGES, cancelsSent, wallSeconds,
                RAMP_MILLIS == 0 ? "all at once" : "evenly over " + RAMP_MILLIS + " ms", MOST_OPEN.get(),
                SOCKET_CLIENT ? "a plain socket and thread per stream" : "java.net.http.HttpClient"));
        sb.append(String.format(Locale.ROOT, "Server: %s; machine load average (1 / 5 / 15 min) before the rounds: %s, "
                + "after: %s.%n%n", server.documentsLine(), loadAtStart, loadAverage()));
        sb.append("| measure | p50 | p95 | p99 | max | n |\n|---|---:|---:|---:|---:|---:|\n");
        sb.append(row("time to first event (client), ms", firstEvent));
        sb.append(row("cancel sent → `cancelled` received (client), ms", cancelSeen));
        if (SOCKET_CLIENT) {
            // Where the client's time to first event goes: its own thread start, the connection, the request's
            // write, the server's answer (status line: the stream's headers go out with its first event).
            sb.append(row("… of which: stream thread started, ms", phase(runs, r -> r.stream.threadStartedNanos)));
            sb.append(row("… connected, ms", phase(runs, r -> r.stream.connectedNanos)));
            sb.append(row("… request written, ms", phase(runs, r -> r.stream.requestSentNanos)));
            sb.append(row("… status line read, ms", phase(runs, r -> r.stream.statusNanos)));
        }
        sb.append(String.format(Locale.ROOT, "%nserver side (Micrometer quantiles over its sliding window of the last "
                + "1.3-2 minutes, read as soon as each round's first events, then its cancels, were all in; a window "
                + "may still hold the previous round's samples):"));
        for (String line : serverRounds) {
            sb.append(String.format(Locale.ROOT, "%n- %s", line));
        }
        sb.append(String.format(Locale.ROOT, "%n"));
        double stoppedMax = server.metric("annotator_cancel_latency_seconds_max", "phase=\"worker_stopped\"");
        sb.append(String.format(Locale.ROOT, "%nserver: cancel request → worker stopped, max: %.1f ms%n", stoppedMax * 1000));
        sb.append(String.format(Locale.ROOT, "%nstream success rate: %d / %d = %.1f %%%n", succeeded, runs.size(),
                100.0 * succeeded / runs.size()));
        sb.append(String.format(Locale.ROOT, "of which cancels that reached a task already completed (409, stream ended "
                + "with `result`): %d%n", finishedFirst));
        for (String line : lost) {
            sb.append("- not as told: ").append(line).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "heap after GC before the run: %.1f MB; peak sampled during: %.1f MB; "
                + "after GC once all finished: %.1f MB%n", heapBefore / 1048576, heapPeak / 1048576, heapAfter / 1048576));
        double ratioSum = server.metric("annotator_heap_released_after_cancel_ratio_sum", null);
        double ratioCount = server.metric("annotator_heap_released_after_cancel_ratio_count", null);
        if (ratioCount > 0) {
            sb.append(String.format(Locale.ROOT, "heap released after cancel (server's probe): mean %.1f %% over %d cancels%n",
                    100 * ratioSum / ratioCount, (long) ratioCount));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- idle streams

    static String idle(Path work) throws Exception {
        Path blocker = SampleDocuments.docx(work, 500);
        Path small = Files.writeString(work.resolve("small.txt"), "A short note that waits in the queue.\n");
        Path data = Files.createDirectories(work.resolve("idle-data"));
        int most = Arrays.stream(IDLE_STEPS).max().orElse(0);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, daemon())).build();
        StringBuilder sb = new StringBuilder("## Open idle streams held by one server (-Xmx512m, one worker kept busy)\n\n");
        sb.append("| streams open | all got their first event | heap after GC MB | heap per stream KB | server threads |\n");
        sb.append("|---:|---|---:|---:|---:|\n");
        try (ServerProcess server = ServerProcess.start(data, "512m", Map.of("ANNOTATOR_WORKERS", "1",
                "ANNOTATOR_QUEUE_CAPACITY", Integer.toString(most + 10), "ANNOTATOR_DISCONNECT_GRACE_SECONDS", "600",
                "ANNOTATOR_ROLLOUT_INITIAL_STAGE", "7"))) {
            // One long grammar check keeps the only worker busy, so every other task stays queued.
            String blockerUser = "bench-blocker-0000000001";
            String blockerDoc = upload(http, server, blockerUser, blocker);
            EventStream blockerStream = new EventStream((t, d) -> { });
            http.sendAsync(post(server, "/api/chat/stream", blockerUser, Json.write(Map.of("message",
                    "check grammar and spelling", "task_type", "DOC_ANNOTATE", "document_id", blockerDoc))),
                    HttpResponse.BodyHandlers.fromLineSubscriber(blockerStream));
            Thread.sleep(2000);
            double baseline = server.heapAfterGc();
            ConcurrentLinkedQueue<EventStream> open = new ConcurrentLinkedQueue<>();
            ExecutorService uploaders = Executors.newFixedThreadPool(8, daemon());
            int opened = 0;
            for (int target : IDLE_STEPS) {
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (int i = opened; i < target; i++) {
                    futures.add(uploaders.submit(() -> {
                        String user = "bench-idle-" + UUID.randomUUID().toString().replace("-", "");
                        String docId = upload(http, server, user, small);
                        EventStream stream = new EventStream((t, d) -> { });
                        http.sendAsync(post(server, "/api/chat/stream", user, Json.write(Map.of("message", "",
                                "task_type", "DOC_ANNOTATE", "document_id", docId))),
                                HttpResponse.BodyHandlers.fromLineSubscriber(stream));
                        open.add(stream);
                        return null;
                    }));
                }
                for (var f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
                opened = target;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (open.stream().anyMatch(s -> s.firstEventNanos == 0 && !s.ended.isDone()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                boolean allFirst = open.stream().allMatch(s -> s.firstEventNanos != 0 && !s.ended.isDone());
                double heap = server.heapAfterGc();
                double threads = server.metric("jvm_threads_live_threads", null);
                sb.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.0f |%n", target, allFirst ? "yes" : "NO",
                        heap / 1048576, (heap - baseline) / target / 1024, threads));
                System.err.println("idle: " + target + " streams open");
            }
            uploaders.shutdownNow();
            open.forEach(EventStream::cancelSubscription);
            blockerStream.cancelSubscription();
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- helpers

    static String upload(HttpClient http, ServerProcess server, String user, Path file) throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/documents")).header("X-User-Id", user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // 503 "try again in a moment": the upload validator is being replaced (recycled after its 200th check; on a
        // loaded machine its new JVM takes longer than an upload waits). Uploads are not measured: wait as told.
        for (int attempt = 0; response.statusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(5));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode json = Json.mapper().readTree(response.body());
        return json.path("document_id").asText();
    }

    private static HttpRequest post(ServerProcess server, String path, String user, String json) {
        return HttpRequest.newBuilder(server.uri(path)).header("X-User-Id", user)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String row(String name, List<Double> values) {
        if (values.isEmpty()) {
            return "| " + name + " | – | – | – | – | 0 |\n";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", name, pct(v, 50), pct(v, 95),
                pct(v, 99), v[v.length - 1], v.length);
    }

    private static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        };
    }
}
