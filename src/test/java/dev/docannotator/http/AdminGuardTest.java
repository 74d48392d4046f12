package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One token check guards every operator route the application serves: rollout, workers and instances alike. */
class AdminGuardTest {
    private static final String TOKEN = "guard-admin-token-0123456789";
    private static final List<String> ADMIN_GETS = List.of("/api/admin/rollout", "/api/admin/workers",
            "/api/admin/instances");
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path tokenDir = Files.createTempDirectory("guard-token-");
        server = TestServer.start(s -> s, b -> b.rollout(new RolloutSettings(tokenDir, TOKEN, null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyAdminRouteWithoutTheRightTokenIs401AndNeverCached() {
        for (String path : ADMIN_GETS) {
            for (String auth : new String[] {null, "Bearer wrong-token", "Basic " + TOKEN}) {
                HttpRequest.Builder request = server.request(path, TestServer.newUser());
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                HttpResponse<String> response = server.send(request.GET().build());
                assertThat(response.statusCode()).as(path + " with " + auth).isEqualTo(401);
                assertThat(TestServer.json(response).at("/error/code").asText()).isEqualTo("unauthorized");
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
            HttpResponse<String> post = server.send(server.request("/api/admin/workers/restart", TestServer.newUser())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(post.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theRightTokenReachesEachRoute() {
        for (String path : ADMIN_GETS) {
            HttpResponse<String> response = server.send(server.request(path, TestServer.newUser())
                    .header("Authorization", "Bearer " + TOKEN).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }
}
