package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.MutableClock;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void finishedTasksTheirDocumentsAndResultsAreRemovedAfterTheRetentionPeriod() throws Exception {
        SteppedEngine stepped = new SteppedEngine();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (TestServer server = TestServer.start(s -> s.withRetention(Duration.ofDays(7), Duration.ofHours(1)),
                b -> b.engine(stepped.engine(DocumentLimits.defaults())).clock(clock))) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "a.txt", stepped.document(10, 5)).get("document_id").asText();
            String taskId = server.stream(user, Map.of("document_id", doc)).readToEnd().get(0).data().get("task_id").asText();
            // Result files of identity-scoped tasks are named by a hash of their key: the only one is this task's.
            Path result;
            try (var files = Files.list(server.dataDir().resolve("results"))) {
                result = files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
            }
            assertThat(result).exists();

            clock.advance(Duration.ofDays(6));
            server.app().tasks().cleanup();
            assertThat(server.get("/api/tasks/" + taskId, user).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofDays(2));
            server.app().tasks().cleanup();
            assertThat(server.get("/api/tasks/" + taskId, user).statusCode()).isEqualTo(404);
            assertThat(result).doesNotExist();
            assertThat(Files.exists(server.dataDir().resolve("documents").resolve(doc))).isFalse();
            assertThat(server.postJson("/api/chat/stream", user, "{\"document_id\":\"" + doc + "\"}").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aTaskInUseOutlivesRetentionAndItsLaterWritesStillPersist() throws Exception {
        SteppedEngine stepped = new SteppedEngine();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (TestServer server = TestServer.start(s -> s.withRetention(Duration.ofDays(7), Duration.ofHours(1)),
                b -> b.engine(stepped.engine(DocumentLimits.defaults())).clock(clock))) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "a.txt", stepped.document(50, 5)).get("document_id").asText();
            stepped.analyse.close();
            EventStream stream = server.stream(user, Map.of("document_id", doc));
            String taskId = stream.next().data().get("task_id").asText();
            stepped.analyse.awaitWaiting();
            // Cancelled (so retention may pick it) while its worker is still inside a step.
            assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isEqualTo(200);
            stream.awaitType("cancelled");

            clock.advance(Duration.ofDays(8));
            server.app().tasks().cleanup();
            stepped.openAll();
            awaitWorkerStopped(server, taskId);

            // The worker's final checkpoint is written, and everything after it still persists.
            HttpResponse<String> list = server.get("/api/tasks", user);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(list).get("tasks").get(0).get("task_id").asText()).isEqualTo(taskId);
            List<SseEvent> resumed = server.resume(user, taskId).readToEnd();
            assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
            assertThat(server.get("/api/tasks", user).statusCode()).isEqualTo(200);
        } finally {
            stepped.openAll();
        }
    }

    private static void awaitWorkerStopped(TestServer server, String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.app().tasks().runningTasks() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The worker of " + taskId + " did not stop");
            }
            Thread.sleep(10);
        }
    }
}
