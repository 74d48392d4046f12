package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.AdminToken;
import dev.docannotator.rollout.RecordedCohortMetrics;
import dev.docannotator.rollout.RolloutPlan;
import dev.docannotator.rollout.RolloutPlanLoader;
import dev.docannotator.rollout.RolloutService;
import dev.docannotator.rollout.RolloutStore;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.MutableClock;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/admin/rollout/percentage over HTTP: lowering is a rollback and always allowed; raising obeys the soak and
 * the gates like advance (409 with readable blockers in the request's language) unless forced, and a forced raise
 * is recorded as such.
 */
class RolloutPercentageTest {
    private static final String TOKEN = "percentage-admin-token-0123456789";

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private Database database;
    private RecordedCohortMetrics metrics;
    private Javalin app;

    private void start(Integer initialStage) {
        database = Database.open(dataDir.resolve("annotator.db"));
        RolloutPlan plan = new RolloutPlanLoader().fromClasspath().withOverrides(null, initialStage);
        metrics = new RecordedCohortMetrics(database, plan.feature(), clock);
        RolloutService service = new RolloutService(plan, new RolloutStore(database), metrics, clock);
        AdminRoutes routes = new AdminRoutes(service);
        AdminGuard guard = new AdminGuard(AdminToken.resolve(TOKEN, dataDir));
        app = Javalin.create(config -> {
            ErrorMapping.register(config);
            guard.register(config);
            routes.register(config);
        }).start(0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode rollout(String language) throws Exception {
        return Json.mapper().readTree(send("GET", "/api/admin/rollout", null, language).body());
    }

    private HttpResponse<String> percentage(int percentage, String extra, String language) throws Exception {
        long version = rollout(null).get("version").asLong();
        return send("POST", "/api/admin/rollout/percentage", "{\"percentage\":" + percentage
                + ",\"reason\":\"by hand\",\"version\":" + version + extra + "}", language);
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body()).path("error").path("message").asText();
    }

    private void recordHealthy() {
        for (int i = 0; i < 250; i++) {
            metrics.cancelLatency(true, Duration.ofMillis(20 + i % 50));
            metrics.streamFinished(true, true);
            metrics.connectionClosed(true, true);
            metrics.heapReleasedAfterCancel(true, 0.95);
        }
    }

    @Test
    void raisingBeforeTheSoakAndWithoutGateDataIsRefusedWithReadableBlockers() throws Exception {
        start(2);
        clock.advance(Duration.ofHours(24).minusMillis(44_100)); // 44.1 s of the 24 h soak left

        HttpResponse<String> refused = percentage(100, "", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(message(refused)).startsWith("Cannot raise the percentage to 100 %:")
                .contains("Soak time: 45 s left of 24 h.")
                .contains("Cancel latency (p95): too little data, 0 of 30 samples.")
                .contains("Memory released after pause: too little data")
                .doesNotContain("cancel_latency_p95").doesNotContain("PT").doesNotContain("44.");
        assertThat(rollout(null).get("percentage").asInt()).isEqualTo(10);
    }

    @Test
    void theBlockersFollowAcceptLanguage() throws Exception {
        start(2);

        HttpResponse<String> refused = percentage(50, "", "zh-CN,zh;q=0.9");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(message(refused)).startsWith("无法把比例提高到 50 %")
                .contains("观察期：还剩 24 小时（共 24 小时）。").contains("取消延迟（p95）：数据不足");
        assertThat(rollout("zh").get("advance").get("blockers")).extracting(JsonNode::asText)
                .contains("观察期：还剩 24 小时（共 24 小时）。");
        assertThat(rollout("en").get("advance").get("blockers")).extracting(JsonNode::asText)
                .contains("Soak time: 24 h left of 24 h.");
    }

    @Test
    void forceRaisesPastTheBlockersAndTheHistorySaysSo() throws Exception {
        start(2);

        HttpResponse<String> forced = percentage(100, ",\"force\":true", null);

        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(forced.body());
        assertThat(body.get("percentage").asInt()).isEqualTo(100);
        JsonNode last = body.get("history").get(0);
        assertThat(last.get("action").asText()).isEqualTo("force_percentage");
        assertThat(last.get("reason").asText()).startsWith("by hand [forced past: ").contains("Soak time");
    }

    @Test
    void raisingAfterTheSoakWithGreenGatesIsAllowedUnforced() throws Exception {
        start(2);
        recordHealthy();
        clock.advance(Duration.ofHours(25));

        HttpResponse<String> raised = percentage(12, "", null);

        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(raised.body()).get("history").get(0).get("action").asText())
                .isEqualTo("percentage");
    }

    @Test
    void loweringIsAlwaysAllowedEvenWithoutDataOrWhileFrozen() throws Exception {
        start(3);
        long version = rollout(null).get("version").asLong();
        send("POST", "/api/admin/rollout/freeze", "{\"reason\":\"incident\",\"version\":" + version + "}", null);

        HttpResponse<String> lowered = percentage(7, "", null);
        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
        HttpResponse<String> off = percentage(0, "", null);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(off.body()).get("percentage").asInt()).isZero();
    }

    @Test
    void atTheLastStageNothingIsListedAsBlockingAdvance() throws Exception {
        start(7);

        JsonNode advance = rollout(null).get("advance");

        assertThat(advance.get("allowed").asBoolean()).isFalse();
        assertThat(advance.get("blockers")).isEmpty();
        assertThat(advance.has("next_stage")).isFalse();
    }
}
