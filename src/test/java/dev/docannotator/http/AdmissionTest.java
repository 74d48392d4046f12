package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final SteppedEngine stepped = new SteppedEngine();
    // one worker, two places in the queue, two unfinished tasks per user
    private final TestServer server = TestServer.start(s -> s.withAdmission(1, 2, 2),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())));

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private EventStream start(String user) {
        String doc = server.upload(user, "d.txt", stepped.document(10, 5)).get("document_id").asText();
        return server.stream(user, Map.of("document_id", doc));
    }

    @Test
    void waitingTasksLearnTheirPositionAndAFullQueueIsServerBusy() throws Exception {
        stepped.read.close();
        EventStream running = start(TestServer.newUser());
        assertThat(running.next().data().get("status").asText()).isEqualTo("running");
        stepped.read.awaitWaiting();

        EventStream second = start(TestServer.newUser());
        SseEvent queued = second.next();
        assertThat(queued.data().get("status").asText()).isEqualTo("queued");
        SseEvent position = second.next();
        assertThat(position.type()).isEqualTo("progress");
        assertThat(position.data().get("stage").asText()).isEqualTo("queued");
        assertThat(position.data().get("message").asText()).contains("position 1");

        EventStream third = start(TestServer.newUser());
        third.next();
        assertThat(third.next().data().get("message").asText()).contains("position 2");

        String fourthUser = TestServer.newUser();
        String doc = server.upload(fourthUser, "d.txt", "text\n").get("document_id").asText();
        HttpResponse<String> busy = server.postJson("/api/chat/stream", fourthUser, "{\"document_id\":\"" + doc + "\"}");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        assertThat(TestServer.json(busy).get("error").get("code").asText()).isEqualTo("server_busy");

        // Cancelling the second task moves the third up.
        String secondId = queued.data().get("task_id").asText();
        HttpResponse<String> cancel = server.post("/api/tasks/" + secondId + "/cancel", TestServer.newUser());
        assertThat(cancel.statusCode()).isEqualTo(404);
        JsonNode owner = TestServer.json(server.get("/api/tasks/" + secondId, TestServer.newUser()));
        assertThat(owner.get("error").get("code").asText()).isEqualTo("not_found");

        stepped.read.open();
        for (EventStream s : List.of(running, second, third)) {
            List<SseEvent> rest = s.readToEnd();
            assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        }
    }

    @Test
    void moreUnfinishedTasksThanThePerUserLimitIsTooManyRequests() throws Exception {
        stepped.read.close();
        String user = TestServer.newUser();
        EventStream a = start(user);
        a.next();
        EventStream b = start(user);
        b.next();
        String doc = server.upload(user, "d.txt", "text\n").get("document_id").asText();
        String refusedId = "refused-" + java.util.UUID.randomUUID();
        HttpResponse<String> limited = server.postJson("/api/chat/stream", user,
                "{\"document_id\":\"" + doc + "\",\"task_id\":\"" + refusedId + "\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(TestServer.json(limited).get("error").get("code").asText()).isEqualTo("too_many_requests");
        // a refused task leaves no trace: not listed, not found, and its id can be used again
        assertThat(server.get("/api/tasks", user).body()).doesNotContain(refusedId);
        assertThat(server.get("/api/tasks/" + refusedId, user).statusCode()).isEqualTo(404);
        // another user is not affected by this user's limit
        EventStream other = start(TestServer.newUser());
        assertThat(other.next().type()).isEqualTo("task");
        stepped.read.open();
        a.readToEnd();
        b.readToEnd();
        other.readToEnd();
        // finished tasks no longer count, and the refused id is free
        assertThat(server.stream(user, Map.of("document_id", doc, "task_id", refusedId)).readToEnd()).last()
                .extracting(SseEvent::type).isEqualTo("result");
    }

    @Test
    void cancellingAQueuedTaskRemovesItFromTheQueue() throws Exception {
        stepped.read.close();
        EventStream running = start(TestServer.newUser());
        running.next();
        stepped.read.awaitWaiting();
        String user = TestServer.newUser();
        EventStream waiting = start(user);
        String taskId = waiting.next().data().get("task_id").asText();
        EventStream third = start(TestServer.newUser());
        third.next();
        assertThat(third.next().data().get("message").asText()).contains("position 2");

        assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isEqualTo(200);
        assertThat(waiting.awaitType("cancelled").data().get("stage").asText()).isEqualTo("queued");
        assertThat(third.next().data().get("message").asText()).contains("position 1");
        stepped.read.open();
        running.readToEnd();
        third.readToEnd();
        List<SseEvent> resumed = server.resume(user, taskId).readToEnd();
        assertThat(resumed.get(resumed.size() - 1).data().get("annotation_count").asInt()).isEqualTo(2);
    }
}
