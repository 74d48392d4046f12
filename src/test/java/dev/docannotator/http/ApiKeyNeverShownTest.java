package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import dev.docannotator.testsupport.FakeOpenAiServer;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ANNOTATOR_LLM_API_KEY reaches the model and nowhere else: not the server's log, the events, the task JSON, error
 * messages, the annotations, the annotated document, the metrics or the data directory, also when the model
 * endpoint fails with 401 or 500 and its error text echoes the request's headers, or its answer echoes the key.
 */
class ApiKeyNeverShownTest {
    private static final String KEY = "sk-proj-NEVER-SHOW-ME-7f3a9c1e5b2d4f6a8c0e";
    /** A part of the key that would still give it away if the key were cut or masked only at its ends. */
    private static final String KEY_MIDDLE = "NEVER-SHOW-ME-7f3a9c";
    private static final String USER = "api-key-test-user-000001";

    @TempDir
    Path dir;

    private static String documentId(ServerProcess server) throws Exception {
        HttpResponse<String> upload = server.upload(USER, "contract.txt", """
                The supplier shall deliver the goods soon after the order.

                Payment is approximately due within thirty days. TODO: confirm the bank details.
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return Json.mapper().readTree(upload.body()).get("document_id").asText();
    }

    private static List<SseEvent> run(ServerProcess server, String analyser, String language) throws Exception {
        String body = Json.write(Map.of("document_id", documentId(server), "task_type", "DOC_ANNOTATE",
                "message", "Flag vague words and TODO markers", "analyser", analyser));
        return server.open(server.request("/api/chat/stream", USER).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").header("Accept-Language", language)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build()).readToEnd();
    }

    private static String get(ServerProcess server, String path) throws Exception {
        return server.send(server.request(path, USER).GET().build()).body();
    }

    /** Everything a client can see of a task: its events, its JSON, its annotations, its document, the list. */
    private static List<String> seen(ServerProcess server, List<SseEvent> events) throws Exception {
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.rawData()));
        String taskId = events.get(0).data().get("task_id").asText();
        seen.add(get(server, "/api/tasks/" + taskId));
        seen.add(get(server, "/api/tasks/" + taskId + "/annotations"));
        seen.add(get(server, "/api/tasks/" + taskId + "/result"));
        seen.add(get(server, "/api/tasks/" + taskId + "/events"));
        seen.add(get(server, "/api/tasks"));
        return seen;
    }

    private static void assertNoKey(String where, String text) {
        assertThat(text).as(where).doesNotContain(KEY).doesNotContain(KEY_MIDDLE);
    }

    @Test
    void theKeyIsNeverShownLoggedOrStoredEvenWhenTheModelEchoesIt() throws Exception {
        Path data = dir.resolve("data");
        try (FakeOpenAiServer fake = new FakeOpenAiServer();
             ServerProcess server = ServerProcess.start(data, List.of("-Xmx256m"), List.of(), Map.of(
                     "ANNOTATOR_LLM_BASE_URL", fake.baseUrl(), "ANNOTATOR_LLM_MODEL", "fake-model",
                     "ANNOTATOR_LLM_API_KEY", KEY))) {
            List<String> seen = new ArrayList<>();

            // 401 whose error text echoes the headers: the model alone fails the task with a clear message.
            fake.then(new FakeOpenAiServer.EchoHeaders(401, null));
            List<SseEvent> unauthorized = run(server, "llm", "en");
            SseEvent error = unauthorized.get(unauthorized.size() - 1);
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.data().get("code").asText()).isEqualTo("llm_failed");
            assertThat(error.data().get("message").asText()).contains("API key");
            seen.addAll(seen(server, unauthorized));

            // 500 echoing the headers, every retry: with both, the rules' findings and a note.
            fake.fallback(r -> new FakeOpenAiServer.EchoHeaders(500, "0"));
            int before = fake.received().size();
            List<SseEvent> failing = run(server, "both", "zh-CN");
            assertThat(fake.received().size() - before).as("retried").isGreaterThan(1);
            SseEvent result = failing.get(failing.size() - 1);
            assertThat(result.type()).isEqualTo("result");
            assertThat(result.data().get("annotation_count").asInt()).isPositive();
            assertThat(result.data().at("/requirement/notes").toString()).contains("语言模型");
            seen.addAll(seen(server, failing));

            // A model whose answer repeats the key (not JSON): the task fails, the answer is not passed on.
            fake.fallback(r -> new FakeOpenAiServer.Stream("I was called with " + r.authorization(), 7, 0));
            List<SseEvent> echoed = run(server, "llm", "en");
            assertThat(echoed.get(echoed.size() - 1).type()).isEqualTo("error");
            seen.addAll(seen(server, echoed));

            assertThat(fake.received()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
            seen.add(get(server, "/metrics"));
            seen.add(get(server, "/api/capabilities"));
            seen.add(get(server, "/openapi.json"));
            for (int i = 0; i < seen.size(); i++) {
                assertNoKey("what a client sees (" + i + ")", seen.get(i));
            }
            assertNoKey("the server's log", server.output());
            assertThat(server.output()).as("the log is there to be read").isNotBlank();
        }
        // Stopped: everything the server wrote (database, results, checkpoints, token file) is on disk now.
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoKey("stored in " + data.relativize(file), new String(Files.readAllBytes(file),
                        StandardCharsets.ISO_8859_1));
            }
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        assertNoKey("the server's log after it stopped", Files.readString(log, StandardCharsets.UTF_8));
    }
}
