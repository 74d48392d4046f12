package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CSRF: state-changing requests that identify by the browser cookie are refused when another site made the browser
 * send them; requests from the page itself, and clients that identify with X-User-Id, pass. No method override.
 */
class CrossSiteRequestTest {
    private static final String EVIL = "http://evil.example";

    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String cookie = "uid=c" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void stop() {
        stepped.read.open();
        server.close();
    }

    /** The four state-changing routes of a browser user, each as a request builder without a site header yet. */
    private List<HttpRequest.Builder> stateChangingRequests() {
        Multipart form = new Multipart().file("file", "notes.txt", "a TODO here".getBytes(StandardCharsets.UTF_8));
        return List.of(
                server.request("/api/documents", null).header("Content-Type", form.contentType()).POST(form.publisher()),
                server.request("/api/chat/stream", null).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("document_id", "d1")))),
                server.request("/api/tasks/task-0001/cancel", null).POST(HttpRequest.BodyPublishers.noBody()),
                server.request("/api/tasks/task-0001/resume", null).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private void assertAllForbidden(UnaryOperator<HttpRequest.Builder> site, String language, String message) {
        for (HttpRequest.Builder request : stateChangingRequests()) {
            HttpRequest sent = site.apply(request.header("Cookie", cookie).header("Accept-Language", language)).build();
            HttpResponse<String> response = server.send(sent);
            assertThat(response.statusCode()).as(sent.uri().getPath()).isEqualTo(403);
            JsonNode error = TestServer.json(response).get("error");
            assertThat(error.get("code").asText()).isEqualTo("forbidden");
            assertThat(error.get("message").asText()).isEqualTo(message);
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void anotherSitesOriginWithTheCookieIsForbiddenOnEveryStateChangingRoute() {
        assertAllForbidden(r -> r.header("Origin", EVIL), "en",
                "This request came from another site and was refused; open DocAnnotator itself to do this.");
        assertAllForbidden(r -> r.header("Origin", "null"), "zh-CN",
                "此请求来自其他网站，已被拒绝；请直接在 DocAnnotator 中执行此操作。");
        // Same host, another port or scheme: another origin.
        assertAllForbidden(r -> r.header("Origin", "http://localhost:1"), "en",
                "This request came from another site and was refused; open DocAnnotator itself to do this.");
        assertAllForbidden(r -> r.header("Origin", "https://localhost:" + server.port()), "en",
                "This request came from another site and was refused; open DocAnnotator itself to do this.");
    }

    @Test
    void secFetchSiteCrossSiteWithTheCookieIsForbiddenEvenWithoutOrigin() {
        assertAllForbidden(r -> r.header("Sec-Fetch-Site", "cross-site"), "en",
                "This request came from another site and was refused; open DocAnnotator itself to do this.");
    }

    @Test
    void thePageItselfNonBrowserClientsAndHeaderIdentitiesPass() {
        assertThat(upload(r -> r.header("Cookie", cookie).header("Origin", server.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(201);
        assertThat(upload(r -> r.header("Cookie", cookie)).statusCode()).isEqualTo(201); // curl: no Origin at all
        assertThat(upload(r -> r.header("Cookie", cookie).header("Origin", "https://annotator.example.org")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "annotator.example.org"))
                .statusCode()).isEqualTo(201); // behind a TLS-terminating proxy
        // X-User-Id is not sent by browsers on their own: another site cannot use it to act as the user.
        assertThat(upload(r -> r.header("X-User-Id", TestServer.newUser()).header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(201);
        // Reading is not changing: a cross-site GET is answered as usual.
        HttpResponse<String> list = server.send(server.request("/api/tasks", null).header("Cookie", cookie)
                .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> upload(UnaryOperator<HttpRequest.Builder> headers) {
        Multipart form = new Multipart().file("file", "notes.txt", "a TODO here".getBytes(StandardCharsets.UTF_8));
        return server.send(headers.apply(server.request("/api/documents", null)
                .header("Content-Type", form.contentType()).POST(form.publisher())).build());
    }

    @Test
    void xHttpMethodOverrideDoesNotTurnAGetIntoACancel() throws Exception {
        String user = TestServer.newUser();
        stepped.read.close();
        String doc = server.upload(user, "doc.txt", stepped.document(50, 5)).get("document_id").asText();
        try (EventStream stream = server.stream(user, Map.of("document_id", doc))) {
            String taskId = stream.next().data().get("task_id").asText();
            stepped.read.awaitWaiting();

            for (String header : List.of("X-HTTP-Method-Override", "x-http-method-override")) {
                HttpResponse<String> response = server.send(server.request("/api/tasks/" + taskId + "/cancel", user)
                        .header(header, "POST").GET().build());
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(TestServer.json(response).get("error").get("code").asText()).isEqualTo("not_found");
            }
            String status = TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText();
            assertThat(status).isEqualTo("running");
        }
    }
}
