package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.testsupport.WaitUntil;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recycling is make-before-break (real worker processes): a worker that has done its share keeps working while its
 * successor starts, so uploads and tasks during a recycle are all answered, {@code /ready} never turns 503, and the
 * old process is gone once the successor took its place.
 */
class WorkerRecycleTest {
    private static final int RECYCLE_AFTER = 3;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(120);
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestWorkers.startServer(TestWorkers.withTestHooks().recycleAfter(RECYCLE_AFTER).build(), 1, b -> { });
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void everyWorkerIsRunning() {
        TestWorkers.awaitEveryWorker(server);
    }

    private static WorkerSupervisor supervisor() {
        return TestWorkers.supervisor(server);
    }

    @Test
    void uploadsDuringAValidatorRecycleAreAllAnsweredAndReadyStays200() throws Exception {
        Supplier<WorkerSupervisor.WorkerView> validator = () -> supervisor().view().validators().get(0);
        WorkerSupervisor.WorkerView first = validator.get();
        Set<Long> pids = new HashSet<>();
        List<String> answers = new ArrayList<>();
        try (ReadyWatch ready = new ReadyWatch()) {
            // Two recycles: uploads go on while each successor starts.
            long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
            while (validator.get().restarts() < first.restarts() + 2 && System.nanoTime() < deadline) {
                pids.add(validator.get().pid());
                HttpResponse<String> answer = upload("notes-" + answers.size() + ".txt");
                answers.add(answer.statusCode() + " " + TestServer.json(answer).path("format").asText()
                        + TestServer.json(answer).path("error").path("message").asText());
                Thread.sleep(20);
            }
            assertThat(validator.get().restarts()).as("two recycles within %s", LONG_ENOUGH)
                    .isGreaterThanOrEqualTo(first.restarts() + 2);
            assertThat(ready.answers()).as("/ready during the recycles").isNotEmpty().containsOnly(200);
        }
        assertThat(answers).hasSizeGreaterThanOrEqualTo(2 * RECYCLE_AFTER).containsOnly("201 txt");
        assertOnlyTheCurrentProcessIsLeft(pids, validator.get());
    }

    @Test
    void tasksDuringATaskWorkerRecycleAllCompleteAndReadyStays200() throws Exception {
        Supplier<WorkerSupervisor.WorkerView> worker = () -> supervisor().view().workers().get(0);
        WorkerSupervisor.WorkerView first = worker.get();
        Set<Long> pids = new HashSet<>();
        List<String> outcomes = new ArrayList<>();
        try (ReadyWatch ready = new ReadyWatch()) {
            long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
            while (worker.get().restarts() < first.restarts() + 1 && System.nanoTime() < deadline) {
                pids.add(worker.get().pid());
                outcomes.add(runTask());
            }
            assertThat(worker.get().restarts()).as("a recycle within %s", LONG_ENOUGH)
                    .isGreaterThanOrEqualTo(first.restarts() + 1);
            assertThat(ready.answers()).as("/ready during the recycle").isNotEmpty().containsOnly(200);
        }
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(RECYCLE_AFTER).containsOnly("result 2");
        assertThat(runTask()).as("a task on the successor").isEqualTo("result 2");
        assertOnlyTheCurrentProcessIsLeft(pids, worker.get());
    }

    private static HttpResponse<String> upload(String filename) {
        Multipart form = new Multipart().file("file", filename, TestWorkers.todos(2).getBytes(StandardCharsets.UTF_8));
        return server.send(server.request("/api/documents", TestServer.newUser())
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    /** One task over two TODO markers: its last event's type and annotation count. */
    private static String runTask() throws Exception {
        String user = TestServer.newUser();
        String doc = server.upload(user, "two.txt", TestWorkers.todos(2)).get("document_id").asText();
        try (EventStream stream = server.stream(user, Map.of("document_id", doc, "task_type", "DOC_ANNOTATE",
                "message", "find TODO markers"))) {
            List<SseEvent> events = stream.readToEnd(Duration.ofSeconds(90));
            SseEvent last = events.get(events.size() - 1);
            return last.type() + " " + last.data().path("annotation_count").asInt(-1);
        }
    }

    /** Every process the slot had before stopped once the current one took over: no orphan left. */
    private static void assertOnlyTheCurrentProcessIsLeft(Set<Long> pids, WorkerSupervisor.WorkerView current) {
        assertThat(current.state()).isIn("idle", "busy");
        for (long pid : pids) {
            if (pid != current.pid()) {
                WaitUntil.waitUntil("the recycled worker " + pid + " stopped", Duration.ofSeconds(30),
                        () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            }
        }
    }

    /** Asks {@code /ready} every 20 ms on a thread of its own until closed. */
    private static final class ReadyWatch implements AutoCloseable {
        private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        ReadyWatch() {
            thread = new Thread(() -> {
                while (running.get()) {
                    answers.add(server.get("/ready", TestServer.newUser()).statusCode());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "ready-watch");
            thread.setDaemon(true);
            thread.start();
        }

        List<Integer> answers() throws InterruptedException {
            close();
            return List.copyOf(answers);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
