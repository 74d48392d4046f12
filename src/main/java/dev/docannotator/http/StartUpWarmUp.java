package dev.docannotator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.tasks.TaskService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stream request path through the server's own port before {@code /ready} says 200: a few identities
 * nobody else knows upload a short text and open streams over it, half of them cancelled at their first event,
 * the rest run to their result. A fresh JVM runs that path interpreted for its first few hundred requests, and the
 * first burst of users paid for it (BENCHMARKS.md, "Time to first event: a warm request path"). Their streams are
 * not measured (no first-event time, stream outcome or cancel-to-stream time, so no rollout cohort sample of those;
 * the worker's own figures of a cancel, worker stopped and heap released, are real work and stay counted) and their
 * tasks and documents are removed afterwards, so no list shows them. Best effort: a failure or the time limit ends
 * the warm-up, and the server is ready anyway.
 */
public final class StartUpWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(StartUpWarmUp.class);
    /** Identities at once: within the per-user limit of unfinished tasks, each with one stream at a time. */
    private static final int LANES = 4;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    private static final String SAMPLE = "Warm-up. The supplier shall deliver the report within 10 days. "
            + "Payment is due approximately within thirty days of the invoice.\n";

    private final int streams;
    private final TaskService tasks;
    private final Set<String> identities = ConcurrentHashMap.newKeySet();
    private final AtomicInteger streamsRun = new AtomicInteger();
    private volatile boolean done;
    private volatile boolean stopping;

    /** {@code streams} stream requests in all; 0 = no warm-up (ready at once). */
    public StartUpWarmUp(int streams, TaskService tasks) {
        this.streams = Math.max(0, streams);
        this.tasks = tasks;
        this.done = this.streams == 0;
    }

    /** Whether the warm-up has ended (or there is none): {@code /ready} waits for it. */
    public boolean done() {
        return done;
    }

    /** How many warm-up streams have run to their end so far. */
    public int streamsRun() {
        return streamsRun.get();
    }

    /** Whether {@code userId} is one of the warm-up's own identities, whose streams are not measured. */
    public boolean owns(String userId) {
        return identities.contains(userId);
    }

    /** Starts the warm-up on a thread of its own once {@code workersReady}; {@code base} is the server's own URL. */
    public void startWhen(BooleanSupplier workersReady, URI base) {
        if (done) {
            return;
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                while (!workersReady.getAsBoolean()) {
                    if (stopping || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(30)) {
                        return;
                    }
                    Thread.sleep(50);
                }
                long t0 = System.nanoTime();
                int ran = run(base);
                LOG.info("Request path warmed up: {} streams in {} ms", ran, (System.nanoTime() - t0) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("The start-up warm-up failed; the first requests will be slower ({})", e.toString());
            } finally {
                done = true;
            }
        }, "start-up-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the warm-up early (the server is stopping): no further stream is opened. */
    public void stop() {
        stopping = true;
    }

    /** Runs the lanes; returns how many streams ran to their end. */
    private int run(URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES, r -> {
            Thread t = new Thread(r, "start-up-warm-up-lane");
            t.setDaemon(true);
            return t;
        });
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<Future<Integer>> results = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int share = streams / LANES + (lane < streams % LANES ? 1 : 0);
            String user = newIdentity();
            identities.add(user);
            results.add(lanes.submit(() -> lane(http, base, user, share, deadline)));
        }
        int ran = 0;
        try {
            for (Future<Integer> result : results) {
                try {
                    ran += result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("A start-up warm-up lane failed ({})", e.getCause().toString());
                }
            }
        } finally {
            lanes.shutdownNow();
        }
        return ran;
    }

    /** One identity: uploads the sample, then opens its streams one after the other; cleans up after itself. */
    private int lane(HttpClient http, URI base, String user, int count, long deadline) throws Exception {
        String documentId = null;
        int ran = 0;
        try {
            documentId = upload(http, base, user);
            for (int i = 0; i < count && !stopping && System.nanoTime() < deadline; i++) {
                stream(http, base, user, documentId, i % 2 == 1);
                streamsRun.incrementAndGet();
                ran++;
            }
        } finally {
            removeTraces(user, documentId);
        }
        return ran;
    }

    private String upload(HttpClient http, URI base, String user) throws IOException, InterruptedException {
        String boundary = "warmup" + newIdentity().replace("-", "").replace("_", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"warm-up.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + SAMPLE + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/documents"))
                .header(Identity.HEADER, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("upload answered " + response.statusCode());
        }
        return Json.mapper().readTree(response.body()).path("document_id").asText();
    }

    /** One stream read to its terminal event; {@code cancel}: cancelled as soon as its first event is read. */
    private void stream(HttpClient http, URI base, String user, String documentId, boolean cancel) throws Exception {
        String json = Json.write(Map.of("message", "", "task_type", TaskRoutes.TASK_TYPE, "document_id", documentId));
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve("/api/chat/stream"))
                .header(Identity.HEADER, user).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("stream answered " + response.statusCode());
            }
            String event = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    if ("task".equals(event) && cancel) {
                        JsonNode data = Json.mapper().readTree(line.substring(5).trim());
                        // A 403 (pausable streaming off for this identity) leaves the task to run to its result.
                        http.send(HttpRequest.newBuilder(base.resolve("/api/tasks/" + data.path("task_id").asText()
                                + "/cancel")).header(Identity.HEADER, user).timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                    }
                    if (List.of("result", "cancelled", "error", "shutdown").contains(event)) {
                        return;
                    }
                }
            }
        }
    }

    /** Removes the lane's tasks and its document; a task still winding down is left to retention. */
    private void removeTraces(String user, String documentId) {
        try {
            int left = tasks.discardFinished(user);
            for (int attempt = 0; left > 0 && attempt < 20; attempt++) {
                Thread.sleep(100);
                left = tasks.discardFinished(user);
            }
            if (documentId != null) {
                tasks.documents().delete(user, documentId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the start-up warm-up's tasks ({})", e.toString());
        }
    }

    private static String newIdentity() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "warm-up-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
