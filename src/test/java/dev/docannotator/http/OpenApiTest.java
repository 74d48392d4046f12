package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /openapi.json describes exactly the routes the server registers: none missing, none invented. */
class OpenApiTest {
    @TempDir
    Path tokenDir;

    @Test
    void openApiPathsAndMethodsEqualTheRegisteredRoutes() throws Exception {
        try (TestServer server = TestServer.start(s -> s, b -> b.rollout(
                new RolloutSettings(tokenDir, "openapi-admin-token-0123456789", null, null, null)))) {
            HttpResponse<String> response = server.get("/openapi.json", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode doc = Json.mapper().readTree(response.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.");

            Set<String> described = new TreeSet<>();
            for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                for (Iterator<String> methods = doc.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (!method.equals("parameters") && !method.equals("summary") && !method.equals("description")) {
                        described.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            }
            Set<String> registered = server.app().routes().stream()
                    // Javalin's "<path>" (may span segments) is OpenAPI's "{path}".
                    .map(route -> route.method() + " " + route.path().replace('<', '{').replace('>', '}'))
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(registered).as("routes the server registers").contains("GET /api/admin/rollout", "GET /openapi.json");
            assertThat(described).as("described in openapi.json but not registered")
                    .isSubsetOf(registered);
            assertThat(registered).as("registered but missing from openapi.json")
                    .isSubsetOf(described);
        }
    }

    @Test
    void everyOperationDeclaresItsResponsesAndEveryReferenceResolves() throws Exception {
        try (TestServer server = TestServer.start()) {
            String body = server.get("/openapi.json", null).body();
            JsonNode doc = Json.mapper().readTree(body);
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                    assertThat(op.getValue().path("responses").size()).as(op.getKey() + " " + path.getKey()).isPositive()));
            java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/([^\"]+)\"").matcher(body);
            while (refs.find()) {
                assertThat(doc.at("/" + refs.group(1)).isMissingNode()).as(refs.group(1)).isFalse();
            }
        }
    }
}
