package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.AdminToken;
import dev.docannotator.rollout.RolloutPlanLoader;
import dev.docannotator.rollout.RolloutService;
import dev.docannotator.rollout.RolloutStore;
import dev.docannotator.rollout.RecordedCohortMetrics;
import dev.docannotator.storage.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator API over real HTTP: a Javalin instance with AdminRoutes and the contract's error body. */
class AdminRoutesTest {

    private static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;
    Database database;
    Javalin app;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        database = Database.open(dataDir.resolve("annotator.db"));
        var plan = new RolloutPlanLoader().fromClasspath();
        Clock clock = Clock.systemUTC();
        RolloutService service = new RolloutService(plan, new RolloutStore(database),
                new RecordedCohortMetrics(database, plan.feature(), clock), clock);
        AdminRoutes routes = new AdminRoutes(service);
        AdminGuard guard = new AdminGuard(AdminToken.resolve(TOKEN, dataDir));
        app = Javalin.create(config -> {
            guard.register(config);
            routes.register(config);
            ErrorMapping.register(config); // the server's one mapping of errors to the contract's body
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
        database.close();
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body, String operator)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (operator != null) {
            request.header("X-Operator", operator);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get() throws Exception {
        return send("GET", "/api/admin/rollout", "Bearer " + TOKEN, null, null);
    }

    private HttpResponse<String> post(String action, String body) throws Exception {
        return send("POST", "/api/admin/rollout/" + action, "Bearer " + TOKEN, body, null);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String messagePart)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
    }

    @Test
    void everyAdminCallWithoutTheRightTokenIs401() throws Exception {
        for (String auth : new String[] {null, "Bearer wrong-token-0123456789", "Basic " + TOKEN, TOKEN}) {
            assertError(send("GET", "/api/admin/rollout", auth, null, null), 401, "unauthorized", "admin token");
            HttpResponse<String> advance = send("POST", "/api/admin/rollout/advance", auth,
                    "{\"reason\":\"x\",\"version\":1}", null);
            assertError(advance, 401, "unauthorized", "Bearer");
            assertThat(advance.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(json(get()).get("version").asLong()).as("nothing changed").isEqualTo(1);
    }

    @Test
    void getShowsStatePlanHistoryMetricsAndGates() throws Exception {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.get("feature").asText()).isEqualTo("PAUSABLE_STREAMING");
        assertThat(body.get("stage").asInt()).isZero();
        assertThat(body.get("percentage").asInt()).isZero();
        assertThat(body.get("frozen").asBoolean()).isFalse();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("since").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.get("stages")).hasSize(7);
        JsonNode canary = body.get("stages").get(0);
        assertThat(canary.get("stage").asInt()).isEqualTo(1);
        assertThat(canary.get("percentage").asInt()).isEqualTo(5);
        assertThat(canary.get("name").asText()).isEqualTo("canary");
        assertThat(canary.get("min_soak").asText()).isEqualTo("PT24H");
        JsonNode install = body.get("history").get(0);
        assertThat(install.get("action").asText()).isEqualTo("install");
        for (String field : new String[] {"at", "actor", "from", "to", "reason"}) {
            assertThat(install.has(field)).as(field).isTrue();
        }
        assertThat(body.get("metrics").has("pausable")).isTrue();
        assertThat(body.get("metrics").has("off")).isTrue();
        assertThat(body.get("gates").get("cancel_latency_p95").get("status").asText()).isEqualTo("inconclusive");
        assertThat(body.get("gates").get("memory_released").get("threshold").asDouble()).isEqualTo(0.8);
        assertThat(body.get("advance").get("allowed").asBoolean()).isTrue();
    }

    @Test
    void advanceRollbackPercentageAndFreezeAnswerWithTheNewStateAndHistory() throws Exception {
        HttpResponse<String> advanced = send("POST", "/api/admin/rollout/advance", "Bearer " + TOKEN,
                "{\"reason\":\"start the canary\",\"version\":1}", "alice");
        assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
        JsonNode body = json(advanced);
        assertThat(body.get("stage").asInt()).isEqualTo(1);
        assertThat(body.get("percentage").asInt()).isEqualTo(5);
        assertThat(body.get("version").asLong()).isEqualTo(2);
        JsonNode last = body.get("history").get(0);
        assertThat(last.get("actor").asText()).isEqualTo("alice");
        assertThat(last.get("action").asText()).isEqualTo("advance");
        assertThat(last.get("from").asInt()).isZero();
        assertThat(last.get("to").asInt()).isEqualTo(1);
        assertThat(last.get("reason").asText()).isEqualTo("start the canary");
        assertThat(last.get("metrics").get("gates").has("stream_success_rate")).isTrue();

        body = json(post("percentage", "{\"percentage\":30,\"reason\":\"by hand\",\"version\":2,\"force\":true}"));
        assertThat(body.get("percentage").asInt()).isEqualTo(30);
        assertThat(body.get("stage").asInt()).isEqualTo(4);
        assertThat(body.get("history").get(0).get("actor").asText()).isEqualTo("operator");

        body = json(post("freeze", "{\"reason\":\"incident\",\"version\":3}"));
        assertThat(body.get("frozen").asBoolean()).isTrue();
        assertError(post("advance", "{\"reason\":\"go\",\"version\":4,\"force\":true}"), 409, "conflict", "frozen");

        body = json(post("rollback", "{\"reason\":\"kill switch\",\"version\":4,\"to_stage\":0}"));
        assertThat(body.get("stage").asInt()).isZero();
        assertThat(body.get("percentage").asInt()).isZero();
        body = json(post("unfreeze", "{\"reason\":\"incident over\",\"version\":5}"));
        assertThat(body.get("frozen").asBoolean()).isFalse();
        assertThat(body.get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("unfreeze", "rollback", "freeze", "force_percentage", "advance", "install");
    }

    @Test
    void aStaleVersionIs409AndChangesNothing() throws Exception {
        assertThat(post("advance", "{\"reason\":\"canary\",\"version\":1}").statusCode()).isEqualTo(200);
        assertError(post("rollback", "{\"reason\":\"from an old page\",\"version\":1}"), 409, "conflict",
                "current version is 2");
        assertError(post("percentage", "{\"percentage\":50,\"reason\":\"old page\",\"version\":1}"), 409, "conflict",
                "reload");
        JsonNode body = json(get());
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("percentage").asInt()).isEqualTo(5);
        assertThat(body.get("history")).hasSize(2);
    }

    @Test
    void advanceIsRefusedWith409NamingTheGatesAndTheSoak() throws Exception {
        post("advance", "{\"reason\":\"canary\",\"version\":1}");
        HttpResponse<String> refused = post("advance", "{\"reason\":\"next\",\"version\":2}");
        assertError(refused, 409, "conflict", "Soak time: ");
        assertThat(json(refused).get("error").get("message").asText())
                .contains("Cancel latency (p95): too little data").contains("SSE connection stability: too little data");

        HttpResponse<String> forced = post("advance", "{\"reason\":\"accepted risk\",\"version\":2,\"force\":true}");
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(json(forced).get("history").get(0).get("action").asText()).isEqualTo("force_advance");
    }

    @Test
    void badBodiesAre400WithTheReason() throws Exception {
        assertError(post("advance", "{\"version\":1}"), 400, "invalid_request", "reason is required");
        assertError(post("advance", "{\"reason\":\"  \",\"version\":1}"), 400, "invalid_request", "reason is required");
        assertError(post("advance", "{\"reason\":\"why\"}"), 400, "invalid_request", "version is required");
        assertError(post("advance", "{\"reason\":\"why\",\"version\":\"1\"}"), 400, "invalid_request", "version must be a whole number");
        assertError(post("advance", "{\"reason\":\"why\",\"version\":1,\"force\":\"yes\"}"), 400, "invalid_request", "\"force\" must be true or false");
        assertError(post("advance", "not json"), 400, "invalid_request", "not valid JSON");
        assertError(post("advance", "[1]"), 400, "invalid_request", "JSON object");
        assertError(post("advance", ""), 400, "invalid_request", "JSON object");
        assertError(post("percentage", "{\"reason\":\"why\",\"version\":1}"), 400, "invalid_request", "percentage is required");
        assertError(post("percentage", "{\"percentage\":12.5,\"reason\":\"why\",\"version\":1}"), 400, "invalid_request", "whole number");
        assertError(post("percentage", "{\"percentage\":101,\"reason\":\"why\",\"version\":1}"), 400, "invalid_request", "0 to 100");
        assertError(post("rollback", "{\"reason\":\"why\",\"version\":1,\"to_stage\":9}"), 400, "invalid_request", "to_stage");
        assertError(send("POST", "/api/admin/rollout/advance", "Bearer " + TOKEN, "{\"reason\":\"why\",\"version\":1}",
                "x".repeat(65)), 400, "invalid_request", "X-Operator");
        assertError(send("GET", "/api/admin/rollout?history_limit=0", "Bearer " + TOKEN, null, null), 400,
                "invalid_request", "history_limit");
        assertThat(json(get()).get("version").asLong()).isEqualTo(1);
    }
}
