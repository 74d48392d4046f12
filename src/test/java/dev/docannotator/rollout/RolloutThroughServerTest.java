package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.http.AdminGuard;
import dev.docannotator.http.AdminRoutes;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollout wired into the real server: operator API, /api/features, the per-task decision and cohort metrics. */
class RolloutThroughServerTest {

    private static final String TOKEN = "server-test-admin-token-42";

    @TempDir
    Path rolloutDir;
    Database database;
    Rollout rollout;
    TestServer server;
    final SteppedEngine stepped = new SteppedEngine();

    @BeforeEach
    void start() {
        database = Database.open(rolloutDir.resolve("rollout.db"));
        rollout = Rollout.create(database, new RolloutSettings(rolloutDir, TOKEN, null, null, null), Clock.systemUTC());
        server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults()))
                .featureDecider(rollout.decider())
                .cohortMetrics(rollout.metrics())
                .routes(new AdminGuard(rollout.adminToken()), new AdminRoutes(rollout.service())));
    }

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
        rollout.close();
        database.close();
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = server.request(path, null).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return server.send(request.build());
    }

    private JsonNode rolloutNow() {
        return TestServer.json(admin("GET", "/api/admin/rollout", null));
    }

    private boolean featureOn(String user) {
        return TestServer.json(server.get("/api/features", user)).get("features").get("PAUSABLE_STREAMING").asBoolean();
    }

    @Test
    void theRealServerAnswers401AsTheContractsJsonError() {
        HttpResponse<String> response = server.get("/api/admin/rollout", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestServer.json(response).get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(admin("GET", "/api/admin/rollout", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theKillSwitchTurnsTheFeatureOffForTheNextTaskAtOnce() throws Exception {
        String user = TestServer.newUser();
        assertThat(featureOn(user)).as("a new installation starts off").isFalse();

        long version = rolloutNow().get("version").asLong();
        assertThat(admin("POST", "/api/admin/rollout/percentage",
                "{\"percentage\":100,\"reason\":\"test everyone\",\"version\":" + version + "}").statusCode()).isEqualTo(200);
        assertThat(featureOn(user)).isTrue();
        String doc = server.upload(user, "notes.txt", stepped.document(50, 10)).get("document_id").asText();
        try (EventStream on = server.stream(user, Map.of("message", "find TODO", "task_type", "DOC_ANNOTATE", "document_id", doc))) {
            assertThat(on.next(Duration.ofSeconds(10)).data().get("pausable").asBoolean()).isTrue();
            on.readToEnd();
        }

        version = rolloutNow().get("version").asLong();
        assertThat(admin("POST", "/api/admin/rollout/rollback",
                "{\"reason\":\"kill switch\",\"version\":" + version + ",\"to_stage\":0}").statusCode()).isEqualTo(200);
        assertThat(featureOn(user)).isFalse();
        stepped.read.close();
        try (EventStream off = server.stream(user, Map.of("message", "find TODO", "task_type", "DOC_ANNOTATE", "document_id", doc))) {
            SseEvent first = off.next(Duration.ofSeconds(10));
            assertThat(first.data().get("pausable").asBoolean()).isFalse();
            HttpResponse<String> cancel = server.post("/api/tasks/" + first.data().get("task_id").asText() + "/cancel", user);
            assertThat(cancel.statusCode()).isEqualTo(403);
            assertThat(TestServer.json(cancel).get("error").get("code").asText()).isEqualTo("feature_disabled");
            stepped.read.open();
            off.readToEnd();
        }
    }

    @Test
    void observationsOfRealTasksReachTheGatesOfTheCurrentStage() throws Exception {
        long version = rolloutNow().get("version").asLong();
        admin("POST", "/api/admin/rollout/percentage", "{\"percentage\":100,\"reason\":\"all in\",\"version\":" + version + "}");
        String user = TestServer.newUser();
        String doc = server.upload(user, "notes.txt", stepped.document(50, 10)).get("document_id").asText();
        try (EventStream done = server.stream(user, Map.of("message", "find TODO", "task_type", "DOC_ANNOTATE", "document_id", doc))) {
            assertThat(done.readToEnd()).last().satisfies(e -> assertThat(e.type()).isEqualTo("result"));
        }
        stepped.analyse.close();
        try (EventStream held = server.stream(user, Map.of("message", "find TODO", "task_type", "DOC_ANNOTATE", "document_id", doc))) {
            String taskId = held.next(Duration.ofSeconds(10)).data().get("task_id").asText();
            stepped.analyse.awaitWaiting();
            assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isEqualTo(200);
            held.awaitType("cancelled");
            held.readToEnd();
        }
        stepped.analyse.open();

        JsonNode pausable = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) { // connection closes are recorded just after the last event is sent
            pausable = rolloutNow().get("metrics").get("pausable");
            if (pausable.get("streams").asInt() >= 2 && pausable.get("connections").asInt() >= 2) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(pausable.get("cancel_samples").asInt()).isEqualTo(1);
        assertThat(pausable.get("cancel_latency_p95_ms").asDouble()).isLessThan(500);
        assertThat(pausable.get("streams").asInt()).isEqualTo(2);
        assertThat(pausable.get("stream_success_rate").asDouble()).isEqualTo(1.0);
        assertThat(pausable.get("connections").asInt()).isEqualTo(2);
        assertThat(rolloutNow().get("gates").get("cancel_latency_p95").get("status").asText())
                .as("one sample is not enough").isEqualTo("inconclusive");
    }
}
