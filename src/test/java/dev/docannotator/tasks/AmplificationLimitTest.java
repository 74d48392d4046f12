package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The amplification attack (one repeated word: a finding per word) against a real server process with a small heap
 * and lowered limits: the task completes with its findings capped and summarised, the database and the result stay
 * small, and a text over the text limit is refused with a clear error; the server keeps answering throughout.
 */
class AmplificationLimitTest {
    private static final String USER = "amplification-user-01";

    @TempDir
    Path tmp;

    private static byte[] repeatedWord(int times) {
        return "word ".repeat(times).getBytes(StandardCharsets.US_ASCII);
    }

    private static List<SseEvent> run(ServerProcess server, byte[] document) throws Exception {
        var upload = server.upload(USER, "words.txt", document);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String documentId = Json.mapper().readTree(upload.body()).get("document_id").asText();
        return server.stream(USER, Json.write(Map.of("message", "find repeated words", "task_type", "DOC_ANNOTATE",
                "document_id", documentId))).readToEnd(Duration.ofMinutes(3));
    }

    @Test
    void aRepeatedWordTextCompletesWithCappedFindingsOrIsRefusedClearlyUnderASmallHeap() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> limits = Map.of("ANNOTATOR_MAX_FINDINGS", "300", "ANNOTATOR_MAX_TEXT_CHARS", "1500000",
                "ANNOTATOR_MAX_RESULT_MB", "8");
        try (ServerProcess server = ServerProcess.start(data, List.of("-Xmx160m", "-XX:+ExitOnOutOfMemoryError"),
                List.of(), limits)) {
            // 1.25 MB, 250 000 repetitions: without the limit, a quarter of a million findings.
            List<SseEvent> events = run(server, repeatedWord(250_000));
            SseEvent last = events.get(events.size() - 1);
            assertThat(last.type()).as(last.rawData()).isEqualTo("result");
            int count = last.data().get("annotation_count").asInt();
            assertThat(count).isBetween(301, 310);
            long annotationEvents = events.stream().filter(e -> e.type().equals("annotation")).count();
            assertThat(annotationEvents).isEqualTo(count);
            JsonNode summary = events.stream().filter(e -> e.type().equals("annotation"))
                    .map(e -> e.data().get("annotation")).filter(a -> a.get("rule").asText().equals("finding_limit"))
                    .findFirst().orElseThrow();
            assertThat(summary.get("message").asText()).contains("more").contains("limit of 300 findings");
            assertThat(events).anyMatch(e -> e.type().equals("progress")
                    && e.data().get("message").asText().contains("limit of 300 findings"));

            // 1.75 MB of text: over the text limit, refused with the limit in the message.
            List<SseEvent> refused = run(server, repeatedWord(350_000));
            SseEvent error = refused.get(refused.size() - 1);
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.data().get("code").asText()).isEqualTo("unprocessable_document");
            assertThat(error.data().get("message").asText()).contains("1500000");

            assertThat(server.send(server.request("/health", USER).GET().build()).statusCode()).isEqualTo(200);
            assertThat(server.alive()).isTrue();
        }
        assertThat(Files.size(data.resolve("annotator.db"))).as("the database stays small").isLessThan(20L * 1024 * 1024);
    }
}
