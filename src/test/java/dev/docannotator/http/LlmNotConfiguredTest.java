package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without a model everything works as before, and asking for the model is refused before the stream starts. */
class LlmNotConfiguredTest {
    private final TestServer server = TestServer.start();
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void llmOrBothWithoutAModelIsA400AndRulesIsTheDefault() throws Exception {
        String doc = server.upload(user, "a.txt", "This is approximately done.\n").get("document_id").asText();
        for (String analyser : List.of("llm", "both")) {
            HttpResponse<String> refused = server.postJson("/api/chat/stream", user,
                    "{\"document_id\": \"" + doc + "\", \"analyser\": \"" + analyser + "\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(refused).at("/error/code").asText()).isEqualTo("invalid_request");
            assertThat(TestServer.json(refused).at("/error/message").asText()).contains("language model");
        }
        HttpResponse<String> unknown = server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"analyser\": \"magic\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);

        List<SseEvent> events = server.stream(user, Map.of("document_id", doc)).readToEnd();
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.data().get("analyser").asText()).isEqualTo("rules");
        assertThat(result.data().has("usage")).isFalse();
        assertThat(events.stream().filter(e -> e.type().equals("annotation")))
                .allSatisfy(e -> assertThat(e.data().at("/annotation/source").asText()).isEqualTo("rules"));
        assertThat(TestServer.json(server.get("/api/capabilities", user)).get("llm").asBoolean()).isFalse();
    }
}
