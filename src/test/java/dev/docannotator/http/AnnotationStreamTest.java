package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnnotationStreamTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    @Test
    void streamFollowsTheProtocolFromTaskEventToResult() throws Exception {
        String doc = server.upload(user, "notes.txt", stepped.document(450, 10)).get("document_id").asText();
        EventStream stream = server.stream(user, Map.of("message", "find TODO markers", "task_type", "DOC_ANNOTATE",
                "document_id", doc));
        List<SseEvent> events = stream.readToEnd();

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(stream.lines().get(0)).isEqualTo("retry: 2000");
        assertThat(events).isNotEmpty();
        SseEvent first = events.get(0);
        assertThat(first.type()).isEqualTo("task");
        assertThat(first.data().get("status").asText()).isIn("queued", "running");
        assertThat(first.data().get("pausable").asBoolean()).isTrue();
        String taskId = first.data().get("task_id").asText();
        for (int i = 0; i < events.size(); i++) {
            SseEvent e = events.get(i);
            assertThat(e.id()).isEqualTo(i + 1);
            assertThat(e.data().get("type").asText()).isEqualTo(e.type());
            assertThat(e.data().get("task_id").asText()).isEqualTo(taskId);
            assertThat(e.rawData()).doesNotContain("\n");
        }
        int last = -1;
        for (SseEvent e : events) {
            if (e.type().equals("progress")) {
                int p = e.data().get("progress").asInt();
                String stage = e.data().get("stage").asText();
                assertThat(p).isGreaterThanOrEqualTo(last).isBetween(0, 100);
                switch (stage) {
                    case "read" -> assertThat(p).isBetween(0, 15);
                    case "analyse" -> assertThat(p).isBetween(15, 55);
                    case "apply" -> assertThat(p).isBetween(55, 100);
                    default -> assertThat(stage).isEqualTo("queued");
                }
                assertThat(e.data().get("message").asText()).isNotBlank();
                last = p;
            }
        }
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).isEqualTo("result");
        assertThat(result.data().get("status").asText()).isEqualTo("completed");
        assertThat(result.data().get("annotation_count").asInt()).isEqualTo(45);
        assertThat(result.data().get("summary").get("todo_markers").asInt()).isEqualTo(45);
        assertThat(result.data().get("download_url").asText()).isEqualTo("/api/tasks/" + taskId + "/result");
        assertThat(stream.ended()).isTrue();

        List<JsonNode> annotations = events.stream().filter(e -> e.type().equals("annotation"))
                .map(e -> e.data().get("annotation")).toList();
        assertThat(annotations).hasSize(45);
        JsonNode stored = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user));
        String text = stored.get("text").asText();
        assertThat(stored.get("annotations")).hasSize(45);
        for (JsonNode a : annotations) {
            assertThat(text.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("quote").asText());
            assertThat(a.get("severity").asText()).isIn("info", "warning", "error");
            assertThat(a.get("paragraph").asInt()).isPositive();
        }

        JsonNode task = TestServer.json(server.get("/api/tasks/" + taskId, user));
        assertThat(task.get("status").asText()).isEqualTo("completed");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("annotation_count").asInt()).isEqualTo(45);
        assertThat(task.get("filename").asText()).isEqualTo("notes.txt");
        assertThat(task.get("resumable").asBoolean()).isFalse();
        assertThat(task.get("created_at").asText()).endsWith("Z");

        HttpResponse<String> download = server.get("/api/tasks/" + taskId + "/result", user);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"notes.annotated.html\"");
        assertThat(download.body()).contains("TODO");

        JsonNode list = TestServer.json(server.get("/api/tasks", user));
        assertThat(list.get("tasks")).hasSize(1);
        assertThat(list.get("tasks").get(0).get("task_id").asText()).isEqualTo(taskId);
    }

    @Test
    void streamsEvenWithoutAnAcceptHeaderAndWithAMultipartUpload() throws Exception {
        Multipart form = new Multipart().field("message", "find TODO").field("task_type", "DOC_ANNOTATE")
                .field("task_id", "my-task-0001").file("file", "plan.md", "# Plan\n\nA TODO here.\n".getBytes());
        HttpRequest request = server.request("/api/chat/stream", user).timeout(Duration.ofMinutes(1))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        EventStream stream = server.open(request);
        List<SseEvent> events = stream.readToEnd();
        assertThat(stream.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events.get(0).type()).isEqualTo("task");
        assertThat(events.get(0).data().get("task_id").asText()).isEqualTo("my-task-0001");
        assertThat(events.get(events.size() - 1).type()).isEqualTo("result");
        assertThat(events.get(events.size() - 1).data().get("annotation_count").asInt()).isEqualTo(1);
        JsonNode task = TestServer.json(server.get("/api/tasks/my-task-0001", user));
        assertThat(task.get("format").asText()).isEqualTo("md");
    }

    @Test
    void anIdleStreamCarriesHeartbeats() throws Exception {
        try (TestServer fast = TestServer.start(s -> s.withTimings(Duration.ofMillis(100), s.disconnectGrace(),
                s.shutdownGrace()), b -> b.engine(stepped.engine(DocumentLimits.defaults())))) {
            stepped.read.close();
            String doc = fast.upload(user, "a.txt", stepped.document(10, 2)).get("document_id").asText();
            EventStream stream = fast.stream(user, Map.of("document_id", doc));
            stream.awaitType("task");
            stepped.read.awaitWaiting();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (stream.heartbeats() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(stream.heartbeats()).isGreaterThanOrEqualTo(3);
            assertThat(stream.lines()).contains(": hb");
            stepped.read.open();
            List<SseEvent> rest = stream.readToEnd();
            assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        }
    }
}
