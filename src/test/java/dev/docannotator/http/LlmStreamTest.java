package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.FakeOpenAiServer;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The language-model analyser through the HTTP API, against a fake OpenAI-compatible server. */
class LlmStreamTest {
    private static final String KEY = "sk-never-show-me-0123456789";
    private static final List<String> PARAGRAPHS = List.of(
            "The supplier shall deliver the goods soon after the order.",
            "Payment is due within thirty days of the invoice date.",
            "The warranty lasts for a reasonable period.",
            "Either party may end this agreement at some point in the future.",
            "Disputes are settled by the courts of Zurich.",
            "The buyer reports defects without undue delay.",
            "Prices may change from time to time.",
            "Notices are sent by email to the addresses above.");
    private static final List<Map<String, String>> FINDINGS = List.of(
            Map.of("quote", "deliver the goods soon", "category", "missing_date", "message", "No date."),
            Map.of("quote", "lasts for a REASONABLE period", "anchor", "lasts for a reasonable period",
                    "category", "missing_date", "message", "No period."),
            Map.of("quote", "end this agreement at some point", "category", "missing_date", "message", "No date."),
            Map.of("quote", "without undue delay", "category", "missing_date", "message", "No deadline."),
            Map.of("quote", "change from time to time", "category", "missing_date", "message", "No date."),
            Map.of("quote", "a sentence the model invented", "anchor", "Notices are sent",
                    "category", "missing_date", "message", "Made up."));

    @RegisterExtension
    final FakeOpenAiServer fake = FakeOpenAiServer.start();
    private final TestServer server = TestServer.start(s -> s,
            b -> b.llm(LlmSettings.of(fake.baseUrl(), "fake-model", KEY).withWindowChars(200)
                    .withRetries(2, Duration.ofMillis(100))));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    private String upload() {
        return server.upload(user, "contract.txt", String.join("\n\n", PARAGRAPHS) + "\n").get("document_id").asText();
    }

    private static List<JsonNode> annotations(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("annotation")).map(e -> e.data().get("annotation")).toList();
    }

    private static List<String> spans(List<JsonNode> annotations) {
        return annotations.stream().map(a -> a.get("start").asInt() + "-" + a.get("end").asInt() + ":"
                + a.get("quote").asText()).sorted().toList();
    }

    @Test
    void modelFindingsStreamAnchoredWithUsageAndTheKeyIsNeverShown() throws Exception {
        fake.findQuotesInWindow(FINDINGS, 12, 0);
        List<SseEvent> events = server.stream(user, Map.of("document_id", upload(),
                "message", "Make sure every deadline has a date", "analyser", "llm")).readToEnd();

        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).isEqualTo("result");
        List<JsonNode> found = annotations(events);
        assertThat(found).extracting(a -> a.get("quote").asText()).containsExactlyInAnyOrder(
                "deliver the goods soon", "lasts for a reasonable period", "end this agreement at some point",
                "without undue delay", "change from time to time");
        String taskId = result.data().get("task_id").asText();
        String text = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user)).get("text").asText();
        for (JsonNode a : found) {
            assertThat(a.get("source").asText()).isEqualTo("llm");
            assertThat(text.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("quote").asText());
        }
        assertThat(result.data().get("analyser").asText()).isEqualTo("llm");
        JsonNode usage = result.data().get("usage");
        assertThat(usage.get("requests").asInt()).isEqualTo(fake.received().size()).isGreaterThan(1);
        assertThat(usage.get("dropped_quotes").asInt()).isEqualTo(1);
        assertThat(usage.get("prompt_tokens").asLong()).isPositive();
        assertThat(usage.get("completion_tokens").asLong()).isPositive();
        assertThat(events.stream().filter(e -> e.type().equals("progress"))
                .map(e -> e.data().get("detail").asText())).anyMatch(d -> d.contains("with the model"));

        assertThat(fake.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
        assertThat(events).allSatisfy(e -> assertThat(e.rawData()).doesNotContain(KEY));
        assertThat(server.get("/api/tasks/" + taskId, user).body()).doesNotContain(KEY);
        assertThat(server.get("/api/tasks", user).body()).doesNotContain(KEY);
        HttpResponse<String> metrics = server.get("/metrics", user);
        assertThat(metrics.body()).doesNotContain(KEY).contains("annotator_llm_requests_total")
                .contains("annotator_llm_tokens_total").contains("annotator_llm_dropped_quotes_total");
        assertThat(server.app().toString()).doesNotContain(KEY);
    }

    @Test
    void pauseClosesTheModelRequestAtOnceAndResumeAsksOnlyForUnfinishedWindows() throws Exception {
        fake.findQuotesInWindow(FINDINGS, 12, 0);
        List<String> expected = spans(annotations(server.stream(user, Map.of("document_id", upload(),
                "analyser", "llm")).readToEnd()));
        int uninterruptedRequests = fake.received().size();
        assertThat(uninterruptedRequests).isGreaterThanOrEqualTo(3);

        // Now slowly: every answer streams 12 characters every 40 ms, so a window takes seconds.
        fake.findQuotesInWindow(FINDINGS, 12, 40);
        int before = fake.received().size();
        EventStream first = server.stream(user, Map.of("document_id", upload(), "analyser", "llm"));
        String taskId = first.next().data().get("task_id").asText();
        Eventually.until(() -> fake.received().size() >= before + 2); // the second window is being answered
        List<String> windowsBefore = new ArrayList<>();
        fake.received().subList(before, fake.received().size()).forEach(r -> windowsBefore.add(r.window()));

        long cancelAt = System.nanoTime();
        assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isEqualTo(200);
        long answered = System.nanoTime();
        SseEvent cancelled = first.awaitType("cancelled");
        long cancelledSeen = System.nanoTime();
        assertThat(cancelled.data().get("resumable").asBoolean()).isTrue();
        // Measured from the cancel's answer: on a loaded machine the cancel's own round trip (the part every task
        // shares, bounded at 500 ms by the contract) can dwarf what the model path adds.
        assertThat(Duration.ofNanos(answered - cancelAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(cancelledSeen - answered)).isLessThan(Duration.ofMillis(100));
        Eventually.until(() -> !fake.clientClosedNanos().isEmpty());
        assertThat(Duration.ofNanos(fake.clientClosedNanos().get(0) - answered)).isLessThan(Duration.ofMillis(100));

        int atResume = fake.received().size();
        List<SseEvent> resumed = server.resume(user, taskId).readToEnd();
        assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
        List<String> windowsAfter = fake.received().subList(atResume, fake.received().size()).stream()
                .map(FakeOpenAiServer.Received::window).toList();
        assertThat(windowsAfter).doesNotContain(windowsBefore.get(0)); // the finished first window is not asked again
        assertThat(windowsAfter.get(0)).isEqualTo(windowsBefore.get(1)); // the cut-off one is asked again
        assertThat(windowsBefore.size() - 1 + windowsAfter.size()).isEqualTo(uninterruptedRequests);

        JsonNode all = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user)).get("annotations");
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        assertThat(spans(list)).isEqualTo(expected);
    }

    @Test
    void withBothAFailingModelLeavesTheRulesFindingsAndANote() throws Exception {
        fake.fallback(r -> new FakeOpenAiServer.Status(401, null));
        List<SseEvent> events = server.stream(user, Map.of("document_id", upload(),
                "message", "find vague words")).readToEnd(); // "both" is the default with a model
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).isEqualTo("result");
        assertThat(result.data().get("analyser").asText()).isEqualTo("both");
        assertThat(annotations(events)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("rules"));
        assertThat(events.stream().filter(e -> e.type().equals("progress")).map(e -> e.data().get("detail").asText()))
                .anyMatch(d -> d.contains("API key") && d.contains("built-in checks"));
        assertThat(fake.received()).hasSize(1); // 401 is not retried, and later windows are not asked
    }

    @Test
    void withBothAModelFailingAfterRetriesCompletesWithTheRulesAndTheResultAndTaskSaySo() throws Exception {
        fake.fallback(r -> new FakeOpenAiServer.Status(500, "0"));
        List<SseEvent> events = server.stream(user, Map.of("document_id", upload(), "analyser", "both",
                "message", "find vague words")).readToEnd();
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).isEqualTo("result");
        assertThat(fake.received()).as("one request and two retries, then no more").hasSize(3);
        assertThat(annotations(events)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("rules"));
        JsonNode data = result.data();
        assertThat(data.get("analyser").asText()).isEqualTo("both");
        assertThat(data.at("/llm_failure/reason").asText()).isEqualTo("server_error");
        assertThat(data.at("/llm_failure/message").asText()).contains("kept failing after several retries");
        assertThat(data.at("/requirement/notes").toString()).contains("built-in checks' findings only");
        assertThat(data.at("/usage/requests").asInt()).isEqualTo(3);

        String taskId = data.get("task_id").asText();
        JsonNode task = TestServer.json(server.get("/api/tasks/" + taskId, user));
        assertThat(task.get("status").asText()).isEqualTo("completed");
        assertThat(task.get("llm_failure")).isEqualTo(data.get("llm_failure"));
        assertThat(task.at("/requirement/notes")).isEqualTo(data.at("/requirement/notes"));
        assertThat(task.at("/usage/requests").asInt()).as("the task's usage, from its checkpoint").isEqualTo(3);
        JsonNode chinese = TestServer.json(server.send(server.request("/api/tasks/" + taskId, user)
                .header("Accept-Language", "zh-CN").GET().build()));
        assertThat(chinese.at("/llm_failure/reason").asText()).isEqualTo("server_error");
        assertThat(chinese.at("/requirement/notes").toString()).contains("仅为内置检查的结果");

        // A model that works leaves no llm_failure behind.
        fake.fallback(r -> new FakeOpenAiServer.Stream("{\"findings\": []}", 8, 0));
        SseEvent fine = server.stream(user, Map.of("document_id", upload(), "analyser", "both")).readToEnd()
                .stream().filter(e -> e.type().equals("result")).findFirst().orElseThrow();
        assertThat(fine.data().has("llm_failure")).isFalse();
        assertThat(TestServer.json(server.get("/api/tasks/" + fine.data().get("task_id").asText(), user))
                .has("llm_failure")).isFalse();
    }

    @Test
    void withLlmAFailingModelFailsTheTaskWithAClearMessageInTheUsersLanguage() throws Exception {
        fake.fallback(r -> new FakeOpenAiServer.Status(404, null));
        EventStream stream = server.open(server.request("/api/chat/stream", user)
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"document_id\": \"" + upload() + "\", \"analyser\": \"llm\"}")).build());
        List<SseEvent> events = stream.readToEnd();
        SseEvent error = events.get(events.size() - 1);
        assertThat(error.type()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("llm_failed");
        assertThat(error.data().get("message").asText()).contains("模型").doesNotContain("Exception");
    }

    @Test
    void theFeaturesSayAModelIsThere() {
        assertThat(TestServer.json(server.get("/api/capabilities", user)).get("llm").asBoolean()).isTrue();
    }
}
