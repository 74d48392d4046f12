package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.FakeOpenAiServer;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annotate --analyser rules|llm|both}, in-process and with {@code --server}, against a fake OpenAI-compatible
 * endpoint; asking for the model where there is none is a usage error (exit 2) that says what to do.
 */
class AnalyserCliTest {
    private static final String USER = "analyser-cli-user-000001";
    private static final List<Map<String, String>> FINDINGS = List.of(
            Map.of("quote", "deliver the goods soon", "category", "missing_date", "message", "No date given."));

    @TempDir
    Path dir;
    private FakeOpenAiServer fake;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOpenAiServer().findQuotesInWindow(FINDINGS, 8, 0);
        file = Files.writeString(dir.resolve("contract.txt"), """
                The supplier shall deliver the goods soon after the order.

                Payment is approximately due within thirty days. TODO: confirm the bank details.
                """);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<String> sources(JsonNode json) {
        return json.path("annotations").findValuesAsText("source").stream().distinct().sorted().toList();
    }

    private AnnotateCommandTest.Run annotate(String... args) {
        return AnnotateCommandTest.annotate(args);
    }

    @Test
    void locallyTheModelIsAskedOnlyWhenChosen() throws Exception {
        AnnotateCommandTest.Run llm = annotate(file.toString(), "--json", "--analyser", "llm", "--requirement",
                "Make sure every deadline has a date", "--llm-base-url", fake.baseUrl(), "--llm-model", "fake-model",
                "--out", dir.resolve("llm.html").toString());
        assertThat(llm.exit()).as(llm.stderr()).isZero();
        JsonNode json = Json.mapper().readTree(llm.stdout());
        assertThat(json.path("analyser").asText()).isEqualTo("llm");
        assertThat(sources(json)).containsExactly("llm");
        assertThat(json.path("annotations").findValuesAsText("quote")).containsExactly("deliver the goods soon");
        assertThat(llm.stderr()).as("progress names the window").contains("Window 1 of 1 with the model");
        assertThat(fake.received()).hasSize(1);
        assertThat(fake.received().get(0).body().get("model").asText()).isEqualTo("fake-model");

        // Default with a model: both, the rules' findings beside the model's.
        AnnotateCommandTest.Run both = annotate(file.toString(), "--json", "--requirement", "Flag vague words",
                "--llm-base-url", fake.baseUrl(), "--llm-model", "fake-model", "--out", dir.resolve("both.html").toString());
        assertThat(both.exit()).as(both.stderr()).isZero();
        JsonNode bothJson = Json.mapper().readTree(both.stdout());
        assertThat(bothJson.path("analyser").asText()).isEqualTo("both");
        assertThat(sources(bothJson)).containsExactly("llm", "rules");

        int asked = fake.received().size();
        AnnotateCommandTest.Run rules = annotate(file.toString(), "--json", "--analyser", "rules", "--requirement",
                "Flag vague words", "--llm-base-url", fake.baseUrl(), "--llm-model", "fake-model",
                "--out", dir.resolve("rules.html").toString());
        assertThat(rules.exit()).as(rules.stderr()).isZero();
        JsonNode rulesJson = Json.mapper().readTree(rules.stdout());
        assertThat(rulesJson.path("analyser").asText()).isEqualTo("rules");
        assertThat(sources(rulesJson)).containsExactly("rules");
        assertThat(fake.received()).hasSize(asked);
    }

    @Test
    void locallyTheModelWithoutAModelIsAUsageErrorThatSaysWhatToGive() {
        for (String analyser : List.of("llm", "both")) {
            AnnotateCommandTest.Run run = annotate(file.toString(), "--analyser", analyser);
            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.stderr().strip()).as("one line").doesNotContain("\n")
                    .contains("--analyser " + analyser).contains("--llm-base-url").contains("--analyser rules")
                    .doesNotContain("Exception");
            assertThat(run.stdout()).isEmpty();
        }
        AnnotateCommandTest.Run chinese = annotate(file.toString(), "--analyser", "llm", "--lang", "zh");
        assertThat(chinese.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(chinese.stderr()).contains("需要语言模型");
        AnnotateCommandTest.Run unknown = annotate(file.toString(), "--analyser", "magic");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.stderr()).contains("rules, llm or both").contains("magic");
        assertThat(Files.exists(dir.resolve("contract.annotated.html"))).isFalse();
    }

    @Test
    void throughAServerTheChosenAnalyserRuns() throws Exception {
        try (TestServer server = TestServer.start(s -> s, b -> b.llm(LlmSettings.of(fake.baseUrl(), "fake-model", null)
                .withRetries(1, Duration.ofMillis(50))))) {
            AnnotateCommandTest.Run llm = annotate(file.toString(), "--json", "--analyser", "llm", "--server",
                    server.baseUrl(), "--user-id", USER, "--out", dir.resolve("remote-llm.html").toString());
            assertThat(llm.exit()).as(llm.stderr()).isZero();
            JsonNode json = Json.mapper().readTree(llm.stdout());
            assertThat(json.path("analyser").asText()).isEqualTo("llm");
            assertThat(sources(json)).containsExactly("llm");
            assertThat(llm.stderr()).contains("with the model");
            assertThat(fake.received()).hasSize(1);

            AnnotateCommandTest.Run rules = annotate(file.toString(), "--json", "--analyser", "rules", "--server",
                    server.baseUrl(), "--user-id", USER, "--out", dir.resolve("remote-rules.html").toString());
            assertThat(rules.exit()).as(rules.stderr()).isZero();
            JsonNode rulesJson = Json.mapper().readTree(rules.stdout());
            assertThat(rulesJson.path("analyser").asText()).isEqualTo("rules");
            assertThat(sources(rulesJson)).containsExactly("rules");
            assertThat(fake.received()).hasSize(1);
        }
    }

    @Test
    void aFailingModelWithBothLeavesTheRulesFindingsAndJsonSaysWhy() throws Exception {
        fake.fallback(r -> new FakeOpenAiServer.Status(503, "0"));
        AnnotateCommandTest.Run local = annotate(file.toString(), "--json", "--analyser", "both", "--requirement",
                "Flag vague words", "--llm-base-url", fake.baseUrl(), "--llm-model", "fake-model",
                "--out", dir.resolve("local.html").toString());
        assertThat(local.exit()).as(local.stderr()).isZero();
        JsonNode localJson = Json.mapper().readTree(local.stdout());
        assertThat(sources(localJson)).containsExactly("rules");
        assertThat(localJson.at("/llm_failure/reason").asText()).isEqualTo("server_error");
        assertThat(localJson.at("/usage/requests").asInt()).isPositive();

        try (TestServer server = TestServer.start(s -> s, b -> b.llm(LlmSettings.of(fake.baseUrl(), "fake-model", null)
                .withRetries(1, Duration.ofMillis(50))))) {
            AnnotateCommandTest.Run remote = annotate(file.toString(), "--json", "--requirement", "Flag vague words",
                    "--server", server.baseUrl(), "--user-id", USER, "--out", dir.resolve("remote.html").toString());
            assertThat(remote.exit()).as(remote.stderr()).isZero();
            JsonNode remoteJson = Json.mapper().readTree(remote.stdout());
            assertThat(remoteJson.path("analyser").asText()).isEqualTo("both");
            assertThat(sources(remoteJson)).containsExactly("rules");
            assertThat(remoteJson.path("llm_failure")).isEqualTo(localJson.path("llm_failure"));
            assertThat(remoteJson.at("/requirement/notes").toString()).contains("built-in checks' findings only");
        }
    }

    @Test
    void theKeyFromTheEnvironmentNeverReachesTheCliOutputWhenTheModelEchoesIt() throws Exception {
        String key = "sk-cli-NEVER-SHOW-ME-4b1d9e7c2a";
        Map<String, String> env = Map.of("ANNOTATOR_LLM_BASE_URL", fake.baseUrl(), "ANNOTATOR_LLM_MODEL", "fake-model",
                "ANNOTATOR_LLM_API_KEY", key);
        fake.fallback(r -> new FakeOpenAiServer.EchoHeaders(401, null));
        CliProcess llm = new CliProcess(Files.createDirectories(dir.resolve("llm"))).start(env, "annotate", file.toString(),
                "--json", "--analyser", "llm", "--out", dir.resolve("llm.html").toString());
        assertThat(llm.awaitExit(60)).as(llm.stderr()).isEqualTo(ExitCodes.FAILED);
        assertThat(llm.stderr()).contains("API key").doesNotContain(key).doesNotContain("NEVER-SHOW-ME");
        assertThat(llm.stdout()).doesNotContain(key);

        fake.fallback(r -> new FakeOpenAiServer.EchoHeaders(500, "0"));
        CliProcess both = new CliProcess(Files.createDirectories(dir.resolve("both"))).start(env, "annotate", file.toString(),
                "--json", "--out", dir.resolve("both.html").toString());
        assertThat(both.awaitExit(60)).as(both.stderr()).isZero();
        assertThat(Json.mapper().readTree(both.stdout()).at("/llm_failure/reason").asText()).isEqualTo("server_error");
        assertThat(both.stdout() + both.stderr() + Files.readString(dir.resolve("both.html")))
                .doesNotContain(key).doesNotContain("NEVER-SHOW-ME");
        assertThat(fake.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + key));
    }

    @Test
    void throughAServerWithoutAModelAskingForItIsAUsageErrorBeforeAnythingIsSent() throws Exception {
        try (TestServer server = TestServer.start()) {
            AnnotateCommandTest.Run run = annotate(file.toString(), "--analyser", "llm", "--server",
                    server.baseUrl(), "--user-id", USER);
            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.stderr().strip()).doesNotContain("\n").contains("has no language model")
                    .contains(server.baseUrl()).contains("--analyser rules");
            assertThat(server.get("/api/tasks", USER).body()).contains("\"tasks\":[]");
        }
    }
}
