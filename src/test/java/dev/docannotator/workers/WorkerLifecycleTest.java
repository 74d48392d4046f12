package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.WaitUntil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' lifecycle with the server as an operator runs it ({@code serve}, process isolation by default) in its
 * own JVM: no worker outlives a {@code kill -9} of the server, and SIGTERM with busy workers checkpoints their tasks
 * (interrupted, resumable after a restart) and stops every worker.
 */
class WorkerLifecycleTest {
    private static final String USER = "worker-lifecycle-user-01";
    private static final List<String> SERVE = List.of("--workers", "2", "--worker-heap", "128");
    private static final Map<String, String> ENV = Map.of("ANNOTATOR_WORKER_TEST_HOOKS", "1",
            "ANNOTATOR_WORKER_WARM_UP", "0");

    @TempDir
    Path tmp;

    @Test
    void killNineOfTheServerMidTaskLeavesNoWorkerProcessBehind() throws Exception {
        Path data = tmp.resolve("data");
        long serverPid;
        try (ServerProcess server = ServerProcess.start(data, List.of("-Xmx256m"), SERVE, ENV)) {
            serverPid = server.pid();
            EventStream stream = startSlowTask(server);
            stream.awaitType("annotation");
            // two task workers and the validator that checks uploads
            assertThat(workersOf(serverPid)).as("the server's worker processes").hasSize(3);
            server.kill9();
        }
        WaitUntil.waitUntil("no worker of the killed server is left", Duration.ofSeconds(20),
                () -> workersOf(serverPid).isEmpty());
    }

    @Test
    void sigtermWithBusyWorkersInterruptsTheirTasksResumablyAndStopsEveryWorker() throws Exception {
        Path data = tmp.resolve("data");
        String taskId;
        try (ServerProcess server = ServerProcess.start(data, List.of("-Xmx256m"), SERVE, ENV)) {
            long serverPid = server.pid();
            EventStream stream = startSlowTask(server);
            taskId = stream.next().data().get("task_id").asText();
            stream.awaitType("annotation");
            server.close(); // SIGTERM, and waits for the exit
            List<SseEvent> rest = stream.readToEnd(Duration.ofSeconds(30));
            assertThat(rest).extracting(SseEvent::type).contains("shutdown");
            assertThat(server.alive()).isFalse();
            assertThat(server.output()).contains("Workers stopped");
            assertThat(workersOf(serverPid)).isEmpty();
        }
        try (ServerProcess restarted = ServerProcess.start(data, List.of("-Xmx256m"), SERVE, ENV)) {
            var task = Json.mapper().readTree(restarted.send(restarted.request("/api/tasks/" + taskId, USER).GET().build())
                    .body());
            assertThat(task.get("status").asText()).isEqualTo("interrupted");
            assertThat(task.get("resumable").asBoolean()).isTrue();
            List<SseEvent> resumed = restarted.open(restarted.request("/api/tasks/" + taskId + "/resume", USER)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).readToEnd(Duration.ofSeconds(120));
            SseEvent last = resumed.get(resumed.size() - 1);
            assertThat(last.type()).as(resumed.toString()).isEqualTo("result");
            assertThat(last.data().get("annotation_count").asInt()).isEqualTo(400);
        }
    }

    private static EventStream startSlowTask(ServerProcess server) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            text.append("Line ").append(i).append(": TODO fill in this part.\n");
        }
        var upload = server.upload(USER, "slow.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String documentId = Json.mapper().readTree(upload.body()).get("document_id").asText();
        return server.stream(USER, Json.write(Map.of("message", "find TODO markers " + TestHooks.SLOW,
                "task_type", "DOC_ANNOTATE", "document_id", documentId)));
    }

    /** Worker JVMs started by the server with this pid, from the process table. */
    private static List<ProcessHandle> workersOf(long serverPid) {
        String marker = "-Ddocannotator.worker.server=" + serverPid + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
