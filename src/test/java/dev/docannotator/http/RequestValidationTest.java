package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestValidationTest {
    private static final long UPLOAD_LIMIT = 64 * 1024;
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s.withBodyLimits(UPLOAD_LIMIT, 16 * 1024),
            b -> b.engine(stepped.engine(new DocumentLimits(UPLOAD_LIMIT, 0.01, 1 << 20, 100, 1_000_000))));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = TestServer.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private String doc() {
        return server.upload(user, "doc.txt", "A TODO line.\n").get("document_id").asText();
    }

    @Test
    void streamRequestsAreValidatedBeforeTheStreamStarts() {
        String doc = doc();
        assertError(server.postJson("/api/chat/stream", user, "{\"document_id\": "), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user, "[1, 2]"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user, "{\"document_id\": 12}"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user, "{\"message\": \"x\"}"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"task_type\": \"SUMMARISE\"}"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"task_id\": \"bad id!\"}"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"task_id\": \"short\"}"), 400, "invalid_request");
        assertError(server.postJson("/api/chat/stream", user, "{\"document_id\": \"no-such-document\"}"), 404, "not_found");
        assertError(server.postJson("/api/chat/stream", TestServer.newUser(), "{\"document_id\": \"" + doc + "\"}"),
                404, "not_found");
        assertError(server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"message\": \"" + "x".repeat(20_000) + "\"}"), 413, "payload_too_large");
    }

    @Test
    void aTakenTaskIdIsAConflict() throws Exception {
        String doc = doc();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc, "task_id", "fixed-id-42")).readToEnd();
        assertThat(events.get(0).data().get("task_id").asText()).isEqualTo("fixed-id-42");
        assertError(server.postJson("/api/chat/stream", user,
                "{\"document_id\": \"" + doc + "\", \"task_id\": \"fixed-id-42\"}"), 409, "conflict");
    }

    @Test
    void uploadsAreSniffedAndBounded() {
        JsonNode ok = server.upload(user, "../../etc/passwd.md", "# Title\n\nText.\n");
        assertThat(ok.get("format").asText()).isEqualTo("md");
        assertThat(ok.get("filename").asText()).isEqualTo("passwd.md");
        assertThat(ok.get("size_bytes").asLong()).isEqualTo(15);
        assertThat(ok.get("document_id").asText()).matches("[A-Za-z0-9_-]{8,64}");

        byte[] binary = new byte[4096];
        binary[10] = 0;
        binary[0] = 7;
        assertError(server.uploadRaw(user, "x.txt", binary), 415, "unsupported_media_type");
        assertError(server.uploadRaw(user, "x.txt", "bad \u00ff".getBytes(StandardCharsets.ISO_8859_1)), 422,
                "unprocessable_document");
        assertError(server.uploadRaw(user, "x.txt", new byte[0]), 422, "unprocessable_document");
        byte[] big = "a".repeat((int) UPLOAD_LIMIT + 10).getBytes(StandardCharsets.UTF_8);
        assertError(server.uploadRaw(user, "big.txt", big), 413, "payload_too_large");

        assertError(server.postJson("/api/documents", user, "{}"), 400, "invalid_request");
        Multipart noFile = new Multipart().field("message", "hello");
        assertError(server.send(server.request("/api/documents", user).header("Content-Type", noFile.contentType())
                .POST(noFile.publisher()).build()), 400, "invalid_request");
        assertError(server.send(server.request("/api/documents", user)
                .header("Content-Type", "multipart/form-data; boundary=nothing-like-the-body")
                .POST(HttpRequest.BodyPublishers.ofString("garbage")).build()), 400, "invalid_request");
    }

    @Test
    void aDeclaredOversizedUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(5000);
            String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nX-User-Id: " + user
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 500000000\r\n\r\n--b\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Only the headers and a few bytes were sent: the answer cannot depend on reading the body.
            String response = new String(socket.getInputStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("payload_too_large");
        }
    }

    @Test
    void identityComesFromTheHeaderOrAFreshCookie() {
        assertError(server.get("/api/tasks", "short"), 400, "invalid_request");
        assertError(server.get("/api/tasks", "x".repeat(129)), 400, "invalid_request");
        assertError(server.get("/api/tasks", "has spaces in it, sixteen+"), 400, "invalid_request");
        assertThat(server.get("/api/tasks", "a".repeat(16)).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = server.get("/api/tasks", null);
        String cookie = anonymous.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("uid=[A-Za-z0-9_-]{22};.*").contains("HttpOnly").containsIgnoringCase("Max-Age=31536000").contains("SameSite=Lax")
                .contains("Path=/");
        String uid = cookie.substring(4, 26);
        HttpResponse<String> again = server.send(server.request("/api/tasks", null).header("Cookie", "uid=" + uid).GET().build());
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();

        String doc = server.upload(user, "d.txt", "text\n").get("document_id").asText();
        // the header wins over the cookie: the cookie's identity does not own the document
        assertError(server.send(server.request("/api/chat/stream", null).header("Cookie", "uid=" + uid)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"document_id\":\"" + doc + "\"}")).build()), 404, "not_found");
    }

    @Test
    void unknownRoutesTaskIdsAndServerErrorsAreJson() {
        assertError(server.get("/api/nothing-here", user), 404, "not_found");
        assertError(server.get("/api/tasks/../../etc", user), 404, "not_found");
        assertError(server.get("/api/tasks/%2e%2e", user), 404, "not_found");
        assertError(server.get("/api/tasks/unknown-task-id", user), 404, "not_found");
        assertError(server.send(server.request("/api/tasks/x/events", user).header("Last-Event-ID", "abc").GET().build()),
                404, "not_found");
        assertError(server.post("/health", user), 404, "not_found");
        assertError(server.get("/no-such-page.js", user), 404, "not_found");
    }

    @Test
    void lastEventIdMustBeANumber() throws Exception {
        String doc = doc();
        String taskId = server.stream(user, Map.of("document_id", doc)).readToEnd().get(0).data().get("task_id").asText();
        assertError(server.send(server.request("/api/tasks/" + taskId + "/events", user).header("Last-Event-ID", "abc")
                .GET().build()), 400, "invalid_request");
    }

    @Test
    void messagesFollowAcceptLanguageWhileCodesStay() {
        HttpResponse<String> zh = server.send(server.request("/api/tasks/unknown-task-id", user)
                .header("Accept-Language", "zh-CN,zh;q=0.9").GET().build());
        assertError(zh, 404, "not_found");
        assertThat(TestServer.json(zh).get("error").get("message").asText()).isEqualTo("没有这个任务。");
        HttpResponse<String> en = server.get("/api/tasks/unknown-task-id", user);
        assertThat(TestServer.json(en).get("error").get("message").asText()).isEqualTo("No such task.");
    }

    @Test
    void resultIsAConflictWhileTheTaskIsNotCompleted() throws Exception {
        stepped.read.close();
        try {
            String doc = doc();
            var stream = server.stream(user, Map.of("document_id", doc));
            String taskId = stream.next().data().get("task_id").asText();
            assertError(server.get("/api/tasks/" + taskId + "/result", user), 409, "conflict");
            stepped.read.open();
            stream.readToEnd();
        } finally {
            stepped.openAll();
        }
    }
}
