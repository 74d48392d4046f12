package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task ids are scoped to their identity: the same task_id for two identities, a 409 only for its holder. */
class TaskIdScopeTest {
    private final TestServer server = TestServer.start();
    private final String alice = TestServer.newUser();
    private final String bob = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> start(String user, String taskId, String content) throws Exception {
        String doc = server.upload(user, "doc.txt", content).get("document_id").asText();
        return server.postJson("/api/chat/stream", user,
                "{\"document_id\":\"" + doc + "\",\"message\":\"find TODO\",\"task_id\":\"" + taskId + "\"}");
    }

    private List<SseEvent> run(String user, String taskId, String content) throws Exception {
        String doc = server.upload(user, "doc.txt", content).get("document_id").asText();
        return server.stream(user, Map.of("document_id", doc, "message", "find TODO", "task_id", taskId)).readToEnd();
    }

    @Test
    void twoIdentitiesUseTheSameTaskIdAndOnlyItsHolderGets409() throws Exception {
        List<SseEvent> first = run(alice, "shared-task-01", "Alice has one TODO.\n");
        List<SseEvent> second = run(bob, "shared-task-01", "Bob has a TODO and another TODO.\n");
        assertThat(first.get(first.size() - 1).type()).isEqualTo("result");
        assertThat(second.get(second.size() - 1).type()).isEqualTo("result");
        assertThat(second.get(0).data().get("task_id").asText()).isEqualTo("shared-task-01");

        assertThat(start(alice, "shared-task-01", "again").statusCode()).isEqualTo(409);
        assertThat(start(bob, "shared-task-01", "again").statusCode()).isEqualTo(409);

        JsonNode aliceTask = TestServer.json(server.get("/api/tasks/shared-task-01", alice));
        JsonNode bobTask = TestServer.json(server.get("/api/tasks/shared-task-01", bob));
        assertThat(aliceTask.get("annotation_count").asInt()).isEqualTo(1);
        assertThat(bobTask.get("annotation_count").asInt()).isEqualTo(2);
        assertThat(server.get("/api/tasks/shared-task-01/result", alice).body()).contains("Alice").doesNotContain("Bob");
        assertThat(server.get("/api/tasks/shared-task-01/result", bob).body()).contains("Bob").doesNotContain("Alice");
        assertThat(server.get("/api/tasks/shared-task-01", TestServer.newUser()).statusCode()).isEqualTo(404);
        assertThat(TestServer.json(server.get("/api/tasks", bob)).get("tasks")).hasSize(1);
    }

    @Test
    void aTaskStoredBeforeIdsWereScopedIsStillItsOwnersAndDoesNotBlockOthers() throws Exception {
        Instant now = Instant.now();
        server.app().tasks().store().tasks().insert("legacy-task-01", new TaskView("legacy-task-01", alice,
                "doc-00000001", "old.txt", DocumentFormat.TXT, "", "en", true, TaskStatus.CANCELLED, Stage.ANALYSE, 30,
                null, null, null, 0, now, now));

        assertThat(TestServer.json(server.get("/api/tasks/legacy-task-01", alice)).get("status").asText())
                .isEqualTo("cancelled");
        assertThat(server.get("/api/tasks/legacy-task-01", bob).statusCode()).isEqualTo(404);
        assertThat(start(alice, "legacy-task-01", "A TODO.\n").statusCode()).isEqualTo(409);
        List<SseEvent> bobs = run(bob, "legacy-task-01", "A TODO.\n");
        assertThat(bobs.get(bobs.size() - 1).type()).isEqualTo("result");
        assertThat(TestServer.json(server.get("/api/tasks/legacy-task-01", alice)).get("status").asText())
                .isEqualTo("cancelled");
    }
}
