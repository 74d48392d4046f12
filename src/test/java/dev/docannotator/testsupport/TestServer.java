package dev.docannotator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.Application;
import dev.docannotator.Settings;
import dev.docannotator.common.Json;
import dev.docannotator.http.RequestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real {@link Application} on a random port with a temporary data directory, plus an HTTP client and an SSE
 * reader. Typical use:
 * <pre>{@code
 * try (TestServer server = TestServer.start()) {
 *     String doc = server.upload(user, "notes.txt", "some text").get("document_id").asText();
 *     EventStream events = server.stream(user, Map.of("document_id", doc, "message", "find TODO"));
 *     List<SseEvent> all = events.readToEnd();
 * }
 * }</pre>
 * {@link #restart()} stops the server gracefully and starts a new one on the same data directory.
 * The data directory is deleted by {@link #close()}.
 */
public final class TestServer implements AutoCloseable {
    /** Request threads a test server starts with (the pool still grows to the server's limit on demand). */
    static final int TEST_STANDING_THREADS = 8;
    private final Path dataDir;
    private final UnaryOperator<Settings> settings;
    private final Consumer<Application.Builder> customizer;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Application app;

    private TestServer(Path dataDir, UnaryOperator<Settings> settings, Consumer<Application.Builder> customizer) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.customizer = customizer;
        this.app = build();
    }

    /**
     * A server with the production engine and pages and the default settings, except: a random port, a temporary
     * data directory, 2 workers, a queue of 16 and 3 unfinished tasks per user.
     */
    public static TestServer start() {
        return start(s -> s, b -> { });
    }

    /**
     * A server whose settings and collaborators the test adjusts, e.g.
     * {@code TestServer.start(s -> s.withAdmission(1, 1, 3), b -> b.engine(stepped.engine(limits)))}.
     */
    public static TestServer start(UnaryOperator<Settings> settings, Consumer<Application.Builder> customizer) {
        try {
            return new TestServer(Files.createTempDirectory("annotator-test-"), settings, customizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Application build() {
        Settings base = Settings.defaults().withPort(0).withDataDir(dataDir).withAdmission(2, 16, 3);
        // A few standing request threads, not the server's 128: dozens of test servers run in one JVM, none in a burst.
        Application.Builder builder = Application.builder(settings.apply(base))
                .requestLimits(RequestLimits.defaults().withStandingThreads(TEST_STANDING_THREADS));
        customizer.accept(builder);
        return builder.build().start();
    }

    public Application app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return app.port();
    }

    public HttpClient client() {
        return client;
    }

    /** E.g. {@code http://localhost:41234} (for browsers and other clients). */
    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    /** A fresh valid identity for {@code X-User-Id}. */
    public static String newUser() {
        return "user-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Stops gracefully (like SIGTERM) and starts again on the same data directory and settings. */
    public void restart() {
        app.stop();
        app = build();
    }

    /** Stops the server gracefully without starting it again. */
    public void stop() {
        app.stop();
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("X-User-Id", user);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public HttpResponse<String> postJson(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> post(String path, String user) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** POST /api/documents with {@code content} as the file; returns the parsed 201 body (fails otherwise). */
    public JsonNode upload(String user, String filename, String content) {
        HttpResponse<String> response = uploadRaw(user, filename, content.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new AssertionError("Upload failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    public HttpResponse<String> uploadRaw(String user, String filename, byte[] content) {
        Multipart form = new Multipart().file("file", filename, content);
        return send(request("/api/documents", user).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    /** POST /api/chat/stream with a JSON body made of {@code fields}; returns the open stream. */
    public EventStream stream(String user, Map<String, String> fields) {
        HttpRequest request = request("/api/chat/stream", user).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields))).build();
        return open(request);
    }

    /** Sends {@code request} and reads its body as SSE (whatever its status). */
    public EventStream open(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET /api/tasks/{id}/events after {@code lastEventId} (header). */
    public EventStream events(String user, String taskId, long lastEventId) {
        return open(request("/api/tasks/" + taskId + "/events", user).timeout(Duration.ofMinutes(5))
                .header("Last-Event-ID", Long.toString(lastEventId)).GET().build());
    }

    /** POST /api/tasks/{id}/resume; returns the stream. */
    public EventStream resume(String user, String taskId) {
        return open(request("/api/tasks/" + taskId + "/resume", user).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: temp directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
