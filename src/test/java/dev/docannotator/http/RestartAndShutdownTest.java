package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestartAndShutdownTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s.withAdmission(1, 4, 3),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private static List<JsonNode> annotationsOf(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("annotation")).map(e -> e.data().get("annotation")).toList();
    }

    @Test
    void stopTellsOpenStreamsShutdownAndARestartKeepsEveryTaskResumable() throws Exception {
        String content = stepped.document(1000, 5);
        String doneDoc = server.upload(user, "done.txt", content).get("document_id").asText();
        List<SseEvent> done = server.stream(user, Map.of("document_id", doneDoc)).readToEnd();
        String doneId = done.get(0).data().get("task_id").asText();
        List<JsonNode> expected = annotationsOf(done);

        stepped.analyse.close();
        stepped.analyse.allow(40);
        String doc = server.upload(user, "big.txt", content).get("document_id").asText();
        EventStream running = server.stream(user, Map.of("document_id", doc));
        EventStream queued = server.stream(user, Map.of("document_id", doc));
        SseEvent runningTask = running.next();
        String runningId = runningTask.data().get("task_id").asText();
        String queuedId = queued.next().data().get("task_id").asText();
        stepped.analyse.awaitWaiting();

        // Stop in the background: the held analysis step is released once the shutdown has begun.
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        List<SseEvent> firstPart = new ArrayList<>(List.of(runningTask));
        SseEvent event;
        do {
            event = running.next();
            firstPart.add(event);
        } while (!event.terminal());
        assertThat(event.type()).isEqualTo("shutdown");
        assertThat(event.data().get("resumable").asBoolean()).isTrue();
        assertThat(event.data().get("message").asText()).isNotBlank();
        assertThat(queued.awaitType("shutdown").data().get("resumable").asBoolean()).isTrue();
        stepped.analyse.open();
        stopping.get();
        assertThat(running.readToEnd(Duration.ofSeconds(5))).isEmpty();

        server.restart();
        JsonNode tasks = TestServer.json(server.get("/api/tasks", user)).get("tasks");
        assertThat(tasks).hasSize(3);
        assertThat(tasks.get(0).get("created_at").asText()).isGreaterThanOrEqualTo(tasks.get(2).get("created_at").asText());
        assertThat(TestServer.json(server.get("/api/tasks/" + doneId, user)).get("status").asText()).isEqualTo("completed");
        JsonNode interrupted = TestServer.json(server.get("/api/tasks/" + runningId, user));
        assertThat(interrupted.get("status").asText()).isEqualTo("interrupted");
        assertThat(interrupted.get("resumable").asBoolean()).isTrue();
        assertThat(interrupted.get("stage").asText()).isEqualTo("analyse");
        assertThat(TestServer.json(server.get("/api/tasks/" + queuedId, user)).get("status").asText())
                .isEqualTo("interrupted");
        assertThat(server.get("/api/tasks/" + doneId + "/result", user).statusCode()).isEqualTo(200);

        // Re-attaching to the interrupted task replays its log and closes.
        List<SseEvent> replay = server.events(user, runningId, 0).readToEnd();
        assertThat(replay).containsExactlyElementsOf(firstPart);

        List<SseEvent> resumed = server.resume(user, runningId).readToEnd();
        assertThat(resumed.get(0).id()).isEqualTo(event.id() + 1);
        assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
        List<JsonNode> all = new ArrayList<>(annotationsOf(firstPart));
        all.addAll(annotationsOf(resumed));
        assertThat(all).containsExactlyElementsOf(expected);

        List<SseEvent> resumedQueued = server.resume(user, queuedId).readToEnd();
        assertThat(annotationsOf(resumedQueued)).containsExactlyElementsOf(expected);
    }

    @Test
    void afterACrashTheReplayOfAnInterruptedTaskEndsWithShutdownAndTheTaskResumes() throws Exception {
        String content = stepped.document(1000, 5);
        String doc = server.upload(user, "big.txt", content).get("document_id").asText();
        List<JsonNode> expected = annotationsOf(server.stream(user, Map.of("document_id", doc)).readToEnd());

        stepped.analyse.close();
        stepped.analyse.allow(40);
        EventStream running = server.stream(user, Map.of("document_id", doc));
        String taskId = running.next().data().get("task_id").asText();
        stepped.analyse.awaitWaiting();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        running.awaitType("shutdown");
        stepped.analyse.open();
        stopping.get();
        simulateCrashBeforeTheStop(taskId);

        server.restart();
        List<SseEvent> replay = server.events(user, taskId, 0).readToEnd(Duration.ofSeconds(20));
        SseEvent last = replay.get(replay.size() - 1);
        assertThat(last.type()).isEqualTo("shutdown");
        assertThat(last.id()).isEqualTo(replay.size());
        assertThat(last.data().get("task_id").asText()).isEqualTo(taskId);
        assertThat(last.data().get("resumable").asBoolean()).isTrue();
        assertThat(last.data().get("message").asText()).isEqualTo(new Messages("http", Messages.ENGLISH).get("shutdown.message"));
        assertThat(replay).filteredOn(SseEvent::terminal).hasSize(1);
        assertThat(TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText())
                .isEqualTo("interrupted");

        List<SseEvent> resumed = server.resume(user, taskId).readToEnd();
        assertThat(resumed.get(0).id()).isEqualTo(last.id() + 1);
        assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
        List<JsonNode> all = new ArrayList<>(annotationsOf(replay));
        all.addAll(annotationsOf(resumed));
        assertThat(all).containsExactlyElementsOf(expected);
    }

    /**
     * Turns the rows of a gracefully stopped task back into what a killed process leaves: still "running", its
     * log without the {@code shutdown} event (its checkpoint and earlier events were already written).
     */
    private void simulateCrashBeforeTheStop(String taskId) {
        try (Database db = Database.open(server.dataDir().resolve("annotator.db"))) {
            int[] changed = db.inTransaction(c -> {
                try (PreparedStatement status = c.prepareStatement("UPDATE tasks SET status = 'running' WHERE task_id LIKE ?");
                     PreparedStatement events = c.prepareStatement(
                             "DELETE FROM task_events WHERE task_id LIKE ? AND type = 'shutdown'")) {
                    // Stored under the identity-scoped key "<user>:<task_id>".
                    status.setString(1, "%:" + taskId);
                    events.setString(1, "%:" + taskId);
                    return new int[] {status.executeUpdate(), events.executeUpdate()};
                }
            });
            assertThat(changed).containsExactly(1, 1);
        }
    }

    @Test
    void whileDrainingReadyIsUnavailableAndNewTasksAreRefused() throws Exception {
        assertThat(server.get("/ready", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/health", null).body()).isEqualTo("{\"status\":\"up\"}");
        stepped.read.close();
        String doc = server.upload(user, "a.txt", stepped.document(10, 5)).get("document_id").asText();
        EventStream stream = server.stream(user, Map.of("document_id", doc));
        stream.next();
        stepped.read.awaitWaiting();
        // The worker is held inside a step, so the stop waits for it: observe the draining server meanwhile.
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        stream.awaitType("shutdown");
        HttpResponse<String> ready = server.get("/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(ready).get("error").get("message").asText()).contains("is stopping");
        HttpResponse<String> refused = server.postJson("/api/chat/stream", user, "{\"document_id\":\"" + doc + "\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(refused).get("error").get("code").asText()).isEqualTo("server_busy");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        stepped.read.open();
        stopping.get();
        server.restart();
        assertThat(TestServer.json(server.get("/api/tasks", user)).get("tasks").get(0).get("status").asText())
                .isEqualTo("interrupted");
    }
}
