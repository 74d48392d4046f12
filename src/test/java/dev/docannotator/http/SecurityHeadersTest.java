package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API JSON and downloads are not sniffed, not stored, and inert if rendered; the HTML review page has its own CSP. */
class SecurityHeadersTest {
    private static final Pattern META_CSP =
            Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertApiHeaders(HttpResponse<?> response) {
        String what = response.request().uri().getPath() + " " + response.statusCode();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(policy -> {
            assertThat(policy).contains("default-src 'none'").contains("frame-ancestors 'none'").contains("sandbox");
        });
    }

    @Test
    void apiJsonErrorsAndOperationsCarryNosniffNoStoreAndAPolicy() {
        assertApiHeaders(server.get("/api/tasks", user));
        assertApiHeaders(server.uploadRaw(user, "a.txt", "x TODO".getBytes(StandardCharsets.UTF_8))); // 201
        assertApiHeaders(server.get("/api/features", user));
        assertApiHeaders(server.get("/api/tasks/no-such-task", user)); // 404 JSON error
        assertApiHeaders(server.get("/api/no-such-route", user));
        assertApiHeaders(server.get("/health", null));
        assertApiHeaders(server.get("/ready", null));
    }

    @Test
    void theDownloadCarriesTheHeadersAndTheHtmlPageItsOwnPolicyThatAllowsOnlyItsOwnStyle() throws Exception {
        String doc = server.upload(user, "notes.md", stepped.document(20, 5)).get("document_id").asText();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc)).readToEnd();
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).isEqualTo("result");

        HttpResponse<String> download = server.get(result.data().get("download_url").asText(), user);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;"));
        assertApiHeaders(download);

        String page = download.body();
        Matcher meta = META_CSP.matcher(page);
        Matcher style = STYLE.matcher(page);
        assertThat(meta.find()).as("a CSP meta tag").isTrue();
        assertThat(style.find()).as("the inline style").isTrue();
        assertThat(meta.start()).as("the policy comes before the style it governs").isLessThan(style.start());
        String policy = meta.group(1);
        assertThat(policy).contains("default-src 'none'").doesNotContain("script-src").doesNotContain("unsafe-inline")
                .doesNotContain("*");
        // The page keeps its look: its one inline style is allowed by its hash, and nothing else is.
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(policy).contains("style-src 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        assertThat(page).doesNotContain("<script");
    }
}
