package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production engine (real text handler and analyser) behind the real server. */
class RealEngineStreamTest {
    private static final String REQUIREMENT = "Find TODO markers, vague words and long sentences";
    private final TestServer server = TestServer.start();
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String document(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            switch (i % 6) {
                case 0 -> sb.append("TODO: confirm the figures in section ").append(i).append('.');
                case 3 -> sb.append("We will deliver somewhat better results in the near future, approximately.");
                default -> sb.append("Paragraph ").append(i).append(" states a plain fact.");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<JsonNode> annotationsOf(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("annotation")).map(e -> e.data().get("annotation")).toList();
    }

    @Test
    void aTextDocumentIsAnnotatedAndACancelledRunResumesToTheSameResult() throws Exception {
        String content = document(3000);
        String doc = server.upload(user, "report.txt", content).get("document_id").asText();
        List<SseEvent> full = server.stream(user, Map.of("document_id", doc, "message", REQUIREMENT)).readToEnd();
        SseEvent result = full.get(full.size() - 1);
        assertThat(result.type()).as(full.toString().substring(0, Math.min(2000, full.toString().length())))
                .isEqualTo("result");
        List<JsonNode> expected = annotationsOf(full);
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(result.data().get("annotation_count").asInt()).isEqualTo(expected.size());
        String taskId = result.data().get("task_id").asText();
        String text = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user)).get("text").asText();
        for (JsonNode a : expected) {
            assertThat(text.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("quote").asText());
        }

        EventStream stream = server.stream(user, Map.of("document_id", doc, "message", REQUIREMENT));
        List<SseEvent> first = new ArrayList<>();
        SseEvent event;
        do {
            event = stream.next();
            first.add(event);
        } while (!event.type().equals("annotation"));
        String cancelledId = event.data().get("task_id").asText();
        HttpResponse<String> cancel = server.post("/api/tasks/" + cancelledId + "/cancel", user);
        first.addAll(stream.readToEnd());
        // Only a very fast machine finishes the whole run before the cancel arrives: then there is nothing to resume.
        org.junit.jupiter.api.Assumptions.assumeTrue(cancel.statusCode() == 200, "the run finished before the cancel");
        assertThat(first.get(first.size() - 1).type()).isEqualTo("cancelled");
        List<SseEvent> resumed = server.resume(user, cancelledId).readToEnd();
        assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
        List<JsonNode> all = new ArrayList<>(annotationsOf(first));
        all.addAll(annotationsOf(resumed));
        assertThat(all).containsExactlyElementsOf(expected);
        HttpResponse<String> html = server.get("/api/tasks/" + cancelledId + "/result", user);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).isEqualTo(server.get("/api/tasks/" + taskId + "/result", user).body()
                .replace(taskId, cancelledId));
    }
}
