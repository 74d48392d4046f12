package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.testsupport.WaitUntil;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervision against real worker processes (no mocks): the application in this JVM runs its documents in two worker
 * JVMs with the test hooks on ({@link TestHooks}); the tests make a worker run out of memory, hang, or die by
 * {@code kill -9}, and drive the workers through the operator API.
 */
class WorkerSupervisorTest {
    private static final String TOKEN = "workers-admin-token-0123456789";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(15);
    private static TestServer server;
    private static Path tokenDir;

    @BeforeAll
    static void startServer() throws Exception {
        tokenDir = Files.createTempDirectory("workers-token-");
        WorkerSettings workers = TestWorkers.withTestHooks().taskTimeLimit(TIME_LIMIT).build();
        server = TestWorkers.startServer(workers, 2,
                b -> b.rollout(new RolloutSettings(tokenDir, TOKEN, null, null, null)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void everyWorkerIsRunning() {
        supervisor().startAll();
        TestWorkers.awaitEveryWorker(server);
    }

    /** Field 19 of /proc/PID/stat. */
    private static int niceness(String pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static WorkerSupervisor supervisor() {
        return TestWorkers.supervisor(server);
    }

    @Test
    void aTaskRunsInAWorkerProcessAndTheAdminApiListsIt() throws Exception {
        // ready is not idle: a worker may still be finishing the task an earlier test left running
        WaitUntil.waitUntil("both workers and the validator are idle", Duration.ofSeconds(30),
                () -> states().equals(List.of("idle", "idle", "idle")));
        JsonNode workers = admin("GET", "/api/admin/workers");
        assertThat(workers.get("mode").asText()).isEqualTo("process");
        assertThat(workers.get("workers")).hasSize(2);
        for (JsonNode w : workers.get("workers")) {
            assertThat(w.get("state").asText()).isEqualTo("idle");
            assertThat(w.get("pid").asLong()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(ProcessHandle.of(w.get("pid").asLong()).flatMap(p -> p.info().commandLine()).orElse(""))
                    .contains("-Ddocannotator.worker=w").contains("-Xmx128m").contains("-XX:+ExitOnOutOfMemoryError");
            assertThat(w.get("heap_max_mb").asInt()).isEqualTo(128);
            // Below the server's CPU priority (10 steps nicer): the server's request threads get a core first.
            assertThat(niceness(w.get("pid").asText())).as("niceness")
                    .isEqualTo(Math.min(19, niceness("self") + WorkerSettings.DEFAULT_NICENESS));
            assertThat(w.has("started_at")).isTrue();
        }
        List<SseEvent> events = run(TestServer.newUser(), TestWorkers.todos(3), "find TODO markers");
        SseEvent last = events.get(events.size() - 1);
        assertThat(last.type()).as(events.toString()).isEqualTo("result");
        assertThat(last.data().get("annotation_count").asInt()).isEqualTo(3);
        assertThat(events.stream().filter(e -> e.type().equals("annotation")).count()).isEqualTo(3);
        int done = 0;
        for (JsonNode w : admin("GET", "/api/admin/workers").get("workers")) {
            done += w.get("tasks_done").asInt();
        }
        assertThat(done).isGreaterThanOrEqualTo(1);
        assertThat(server.get("/metrics", TestServer.newUser()).body()).contains("annotator_workers{state=\"idle\"}");
    }

    @Test
    void aDocumentThatRunsAWorkerOutOfMemoryFailsItsTaskWhileThreeOthersComplete() throws Exception {
        String oomUser = TestServer.newUser();
        String oomDoc = server.upload(oomUser, "big.txt", TestWorkers.todos(5)).get("document_id").asText();
        EventStream oom = server.stream(oomUser, Map.of("document_id", oomDoc, "task_type", "DOC_ANNOTATE",
                "message", "find TODO markers " + TestHooks.OOM));
        List<EventStream> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "ok" + i + ".txt", TestWorkers.todos(4)).get("document_id").asText();
            others.add(server.stream(user, Map.of("document_id", doc, "task_type", "DOC_ANNOTATE",
                    "message", "find TODO markers")));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> health = server.get("/health", TestServer.newUser());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("/health answers at once").isLessThan(2000);

        List<SseEvent> failed = oom.readToEnd(Duration.ofSeconds(90));
        SseEvent error = failed.get(failed.size() - 1);
        assertThat(error.type()).as(failed.toString()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("worker_failed");
        assertThat(error.data().get("message").asText()).contains("more memory than a worker has");
        for (EventStream other : others) {
            List<SseEvent> events = other.readToEnd(Duration.ofSeconds(90));
            assertThat(events.get(events.size() - 1).type()).as(events.toString()).isEqualTo("result");
        }
        String taskId = failed.get(0).data().get("task_id").asText();
        JsonNode task = TestServer.json(server.get("/api/tasks/" + taskId, oomUser));
        assertThat(task.get("status").asText()).isEqualTo("failed");
        assertThat(server.get("/health", TestServer.newUser()).statusCode()).isEqualTo(200);
        // Counted when the supervisor sees the process end, which may be a moment after the task was told.
        WaitUntil.waitUntil("the crash is counted as out of memory", Duration.ofSeconds(30),
                () -> java.util.regex.Pattern.compile("annotator_worker_crashes_total\\{cause=\"oom\"} [1-9]")
                        .matcher(server.get("/metrics", TestServer.newUser()).body()).find());
        // The worker that died is replaced.
        WaitUntil.waitUntil("both workers and the validator are idle again", Duration.ofSeconds(90),
                () -> states().equals(List.of("idle", "idle", "idle")));
    }

    @Test
    void aWorkerThatHangsIsKilledAtTheTaskTimeLimit() throws Exception {
        String user = TestServer.newUser();
        String doc = server.upload(user, "hang.txt", TestWorkers.todos(2)).get("document_id").asText();
        long t0 = System.nanoTime();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc, "task_type", "DOC_ANNOTATE",
                "message", "find TODO markers " + TestHooks.HANG)).readToEnd(Duration.ofSeconds(90));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        SseEvent error = events.get(events.size() - 1);
        assertThat(error.type()).as(events.toString()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("worker_failed");
        assertThat(error.data().get("message").asText()).contains("time limit of " + TIME_LIMIT.toSeconds() + " seconds");
        assertThat(millis).isGreaterThanOrEqualTo(TIME_LIMIT.toMillis() - 1000).isLessThan(TIME_LIMIT.toMillis() + 30_000);
        WaitUntil.waitUntil("both workers and the validator are idle again", Duration.ofSeconds(90),
                () -> states().equals(List.of("idle", "idle", "idle")));
    }

    @Test
    void killNineOfAWorkerMidTaskReplacesItAndTheTaskFinishesOnAFreshOne() throws Exception {
        String user = TestServer.newUser();
        TestWorkers.SlowTask slow = TestWorkers.startSlowTask(server, user, 400);
        EventStream stream = slow.stream();
        String taskId = slow.taskId();
        JsonNode busy = busyWith(taskId);
        long pid = busy.get("pid").asLong();
        int restarts = busy.get("restarts").asInt();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        List<SseEvent> rest = stream.readToEnd(Duration.ofSeconds(120));
        SseEvent last = rest.get(rest.size() - 1);
        assertThat(last.type()).as(rest.toString()).isEqualTo("result");
        assertThat(last.data().get("annotation_count").asInt()).isEqualTo(400);
        JsonNode annotations = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user));
        assertThat(annotations.get("annotations")).hasSize(400);
        JsonNode replaced = worker(busy.get("id").asText());
        assertThat(replaced.get("pid").asLong()).isNotEqualTo(pid);
        assertThat(replaced.get("restarts").asInt()).isGreaterThan(restarts);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aTaskWhoseWorkerDiesTwiceFailsWithWorkerFailed() throws Exception {
        String user = TestServer.newUser();
        TestWorkers.SlowTask slow = TestWorkers.startSlowTask(server, user, 400);
        EventStream stream = slow.stream();
        String taskId = slow.taskId();
        long first = busyWith(taskId).get("pid").asLong();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        long second = WaitUntil.value("the task runs again on another worker", Duration.ofSeconds(90),
                () -> busyWith(taskId).get("pid").asLong(), pid -> pid != first);
        ProcessHandle.of(second).orElseThrow().destroyForcibly();
        List<SseEvent> rest = stream.readToEnd(Duration.ofSeconds(90));
        SseEvent error = rest.get(rest.size() - 1);
        assertThat(error.type()).as(rest.toString()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("worker_failed");
        assertThat(error.data().get("message").asText()).contains("ended unexpectedly");
        assertThat(TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void operatorsStopStartAndRestartWorkersThroughTheApi() throws Exception {
        assertThat(send("GET", "/api/admin/workers", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/admin/workers/w9/restart", TOKEN).statusCode()).isEqualTo(404);

        JsonNode w1 = worker("w1");
        JsonNode restarted = admin("POST", "/api/admin/workers/w1/restart");
        assertThat(restarted.get("workers")).hasSize(2);
        JsonNode after = WaitUntil.value("w1 runs again as a new process", Duration.ofSeconds(90),
                () -> worker("w1"), w -> w.get("state").asText().equals("idle")
                        && w.get("pid").asLong() != w1.get("pid").asLong());
        assertThat(after.get("restarts").asInt()).isEqualTo(w1.get("restarts").asInt() + 1);

        admin("POST", "/api/admin/workers/stop");
        WaitUntil.waitUntil("every worker stopped", Duration.ofSeconds(30),
                () -> states().equals(List.of("stopped", "stopped", "stopped")));
        assertThat(server.get("/ready", TestServer.newUser()).statusCode()).isEqualTo(503);
        assertThat(ProcessHandle.of(after.get("pid").asLong()).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        admin("POST", "/api/admin/workers/start");
        WaitUntil.waitUntil("every worker and the validator run again", Duration.ofSeconds(90),
                () -> states().equals(List.of("idle", "idle", "idle")));
        assertThat(server.get("/ready", TestServer.newUser()).statusCode()).isEqualTo(200);

        List<Long> before = pids();
        admin("POST", "/api/admin/workers/restart");
        WaitUntil.waitUntil("every worker is a new process", Duration.ofSeconds(90), () -> {
            List<Long> now = pids();
            return states().equals(List.of("idle", "idle", "idle")) && now.stream().noneMatch(before::contains);
        });
    }

    @Test
    void stoppingABusyWorkerLetsItsTaskCheckpointAndTheTaskResumesLater() throws Exception {
        String user = TestServer.newUser();
        TestWorkers.SlowTask slow = TestWorkers.startSlowTask(server, user, 400);
        EventStream stream = slow.stream();
        String taskId = slow.taskId();
        busyWith(taskId);
        admin("POST", "/api/admin/workers/stop");
        List<SseEvent> rest = stream.readToEnd(Duration.ofSeconds(60));
        assertThat(rest.get(rest.size() - 1).type()).as(rest.toString()).isEqualTo("shutdown");
        WaitUntil.waitUntil("every worker stopped", Duration.ofSeconds(30),
                () -> states().equals(List.of("stopped", "stopped", "stopped")));
        JsonNode task = TestServer.json(server.get("/api/tasks/" + taskId, user));
        assertThat(task.get("status").asText()).isEqualTo("interrupted");
        assertThat(task.get("resumable").asBoolean()).isTrue();

        admin("POST", "/api/admin/workers/start");
        assertThat(supervisor().awaitReady(Duration.ofSeconds(90))).isTrue();
        List<SseEvent> resumed = server.resume(user, taskId).readToEnd(Duration.ofSeconds(120));
        SseEvent last = resumed.get(resumed.size() - 1);
        assertThat(last.type()).as(resumed.toString()).isEqualTo("result");
        assertThat(last.data().get("annotation_count").asInt()).isEqualTo(400);
        // The checkpoint came without its text (the server had it already) and was completed from the server's copy.
        JsonNode annotations = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user));
        String text = annotations.get("text").asText();
        assertThat(text).startsWith("Line 1: TODO").contains("Line 400: TODO fill in this part.");
        for (JsonNode a : annotations.get("annotations")) {
            assertThat(text.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("quote").asText());
        }
    }

    private static List<SseEvent> run(String user, String text, String requirement) throws Exception {
        String doc = server.upload(user, "doc.txt", text).get("document_id").asText();
        return server.stream(user, Map.of("document_id", doc, "task_type", "DOC_ANNOTATE", "message", requirement))
                .readToEnd(Duration.ofSeconds(90));
    }

    private static JsonNode busyWith(String taskId) {
        return WaitUntil.value("a worker is busy with " + taskId, Duration.ofSeconds(60), () -> {
            for (JsonNode w : admin("GET", "/api/admin/workers").get("workers")) {
                if (w.has("task_id") && w.get("task_id").asText().equals(taskId) && w.has("pid")) {
                    return w;
                }
            }
            return null;
        }, w -> w != null);
    }

    private static JsonNode worker(String id) {
        for (JsonNode w : admin("GET", "/api/admin/workers").get("workers")) {
            if (w.get("id").asText().equals(id)) {
                return w;
            }
        }
        throw new AssertionError("no worker " + id);
    }

    /**
     * The states of the task workers, then of the upload validators: the operator's controls act on both, and
     * {@code /ready} needs one of each.
     */
    private static List<String> states() {
        JsonNode view = admin("GET", "/api/admin/workers");
        List<String> states = new ArrayList<>();
        view.get("workers").forEach(w -> states.add(w.get("state").asText()));
        view.get("validators").forEach(w -> states.add(w.get("state").asText()));
        return states;
    }

    private static List<Long> pids() {
        JsonNode view = admin("GET", "/api/admin/workers");
        List<Long> pids = new ArrayList<>();
        view.get("workers").forEach(w -> pids.add(w.path("pid").asLong(-1)));
        view.get("validators").forEach(w -> pids.add(w.path("pid").asLong(-1)));
        return pids;
    }

    private static JsonNode admin(String method, String path) {
        HttpResponse<String> response = send(method, path, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    private static HttpResponse<String> send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }
}
