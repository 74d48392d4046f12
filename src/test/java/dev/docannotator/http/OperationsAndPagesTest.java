package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsAndPagesTest {
    @TempDir
    Path web;

    /** Records what the server reports to the rollout gates. */
    static final class RecordingCohorts implements CohortMetrics {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void cancelLatency(boolean pausable, Duration requestToStreamTold) {
            calls.add("cancelLatency " + pausable + " " + requestToStreamTold.toMillis());
        }

        @Override
        public void streamFinished(boolean pausable, boolean success) {
            calls.add("streamFinished " + pausable + " " + success);
        }

        @Override
        public void connectionClosed(boolean pausable, boolean stable) {
            calls.add("connectionClosed " + pausable + " " + stable);
        }

        @Override
        public void heapReleasedAfterCancel(boolean pausable, double ratio) {
            calls.add("heapReleased " + pausable + " " + ratio);
        }
    }

    @Test
    void metricsAndCohortObservationsCoverStreamsCancelsAndTasks() throws Exception {
        SteppedEngine stepped = new SteppedEngine();
        RecordingCohorts cohorts = new RecordingCohorts();
        try (TestServer server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults()))
                .cohortMetrics(cohorts))) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "a.txt", stepped.document(300, 5)).get("document_id").asText();
            server.stream(user, Map.of("document_id", doc)).readToEnd();

            stepped.analyse.close();
            EventStream stream = server.stream(user, Map.of("document_id", doc));
            String taskId = stream.next().data().get("task_id").asText();
            stepped.analyse.awaitWaiting();
            server.post("/api/tasks/" + taskId + "/cancel", user);
            stream.awaitType("cancelled");
            stream.readToEnd();
            stepped.analyse.open();

            // The heap probe judges after a garbage collection: ask for one and wait for its periodic check.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (cohorts.calls.stream().noneMatch(c -> c.startsWith("heapReleased")) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(200);
            }
            assertThat(cohorts.calls).contains("streamFinished true true", "connectionClosed true true",
                    "heapReleased true 1.0");
            assertThat(cohorts.calls).anyMatch(c -> c.startsWith("cancelLatency true "));

            HttpResponse<String> metrics = server.get("/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("annotator_tasks{pausable=\"true\",status=\"completed\"} 1.0")
                    .contains("annotator_tasks{pausable=\"true\",status=\"cancelled\"} 1.0")
                    .contains("annotator_queue_depth 0.0")
                    .contains("annotator_open_streams{pausable=\"true\"} 0.0")
                    .contains("annotator_time_to_first_event_seconds_count{pausable=\"true\"} 2")
                    .contains("annotator_cancel_latency_seconds_count{pausable=\"true\",phase=\"stream_told\"} 1")
                    .contains("annotator_cancel_latency_seconds_count{pausable=\"true\",phase=\"worker_stopped\"} 1")
                    .contains("annotator_stream_outcomes_total{outcome=\"result\",pausable=\"true\"} 1.0")
                    .contains("annotator_stream_outcomes_total{outcome=\"cancelled\",pausable=\"true\"} 1.0")
                    .contains("annotator_heap_released_after_cancel_ratio_count{pausable=\"true\"} 1");
        }
    }

    @Test
    void featuresAreDecidedForTheCaller() {
        try (TestServer server = TestServer.start(s -> s, b -> b.featureDecider((f, user) -> user.startsWith("in")))) {
            assertThat(server.get("/api/features", "in-the-cohort-123").body())
                    .isEqualTo("{\"features\":{\"PAUSABLE_STREAMING\":true}}");
            assertThat(server.get("/api/features", "out-of-the-cohort").body())
                    .isEqualTo("{\"features\":{\"PAUSABLE_STREAMING\":false}}");
        }
    }

    @Test
    void pagesAreServedFromTheClasspathAndMissingOnesAreJson404s() throws Exception {
        Files.createDirectories(web.resolve("web/css"));
        Files.writeString(web.resolve("web/index.html"), "<!doctype html><title>Annotate</title>");
        Files.writeString(web.resolve("web/app.js"), "export const x = 1;");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {web.toUri().toURL()}, null);
             TestServer server = TestServer.start(s -> s, b -> b.pages(loader))) {
            HttpResponse<String> index = server.get("/", null);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(index.body()).contains("<title>Annotate</title>");
            assertThat(index.headers().firstValue("Set-Cookie").orElse("")).startsWith("uid=");
            assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'").contains("object-src 'none'");
            HttpResponse<String> js = server.get("/app.js", null);
            assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
            assertThat(js.body()).isEqualTo("export const x = 1;");
            for (String missing : List.of("/admin", "/styles.css", "/css", "/.hidden", "/web/index.html")) {
                HttpResponse<String> response = server.get(missing, null);
                assertThat(response.statusCode()).as(missing).isEqualTo(404);
                assertThat(TestServer.json(response).get("error").get("code").asText()).isEqualTo("not_found");
            }
            HttpResponse<String> outside = server.get("/%2e%2e/pom.xml", null);
            assertThat(outside.statusCode()).isIn(400, 404);
            assertThat(TestServer.json(outside).get("error").get("code").asText()).isIn("invalid_request", "not_found");
            assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void extraRouteModulesGetTheApplicationsPartsAndTheSameErrorMapping() {
        try (TestServer server = TestServer.start(s -> s, b -> b.routesFrom(parts -> config -> {
            config.routes.get("/api/extra", ctx -> ctx.json(Map.of("database", parts.database().file().getFileName().toString())));
            config.routes.get("/api/extra/denied", ctx -> {
                throw ApiException.unauthorized("Missing or wrong token.");
            });
        }))) {
            assertThat(server.get("/api/extra", TestServer.newUser()).body()).isEqualTo("{\"database\":\"annotator.db\"}");
            HttpResponse<String> denied = server.get("/api/extra/denied", TestServer.newUser());
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.body()).isEqualTo(
                    "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Missing or wrong token.\"}}");
        }
    }
}
