package dev.docannotator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.DocumentRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The DocAnnotator HTTP API as the command line uses it; every call carries the CLI's identity and language. */
final class ServerClient {
    private final URI base;
    private final String userId;
    private final String acceptLanguage;
    private final HttpClient http;

    ServerClient(URI base, String userId, Locale locale) {
        this.base = base;
        this.userId = userId;
        this.acceptLanguage = locale.toLanguageTag();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI base() {
        return base;
    }

    /** Uploads the file; returns the server's document JSON (document_id, format, ...). */
    JsonNode upload(Path file) throws IOException, InterruptedException {
        String boundary = "----docannotator" + UUID.randomUUID().toString().replace("-", "");
        String filename = file.getFileName().toString().replace("\"", "_").replace("\r", "_").replace("\n", "_");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = request("/api/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(2))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return json(response);
    }

    /** The analyser new tasks ask for ("rules", "llm", "both"), or null for the server's default. */
    private volatile String analyser;

    void analyser(String value) {
        this.analyser = value;
    }

    /** Starts the annotation stream; a non-2xx answer is turned into the matching exception. */
    HttpResponse<InputStream> startStream(String requirement, String documentId, String taskId)
            throws IOException, InterruptedException {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("message", requirement,
                "task_type", "DOC_ANNOTATE", "document_id", documentId, "task_id", taskId));
        if (analyser != null) {
            fields.put("analyser", analyser);
        }
        String body = Json.write(fields);
        return stream(request("/api/chat/stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    HttpResponse<InputStream> events(String taskId, long lastEventId) throws IOException, InterruptedException {
        return stream(request("/api/tasks/" + taskId + "/events").header("Last-Event-ID", Long.toString(lastEventId))
                .GET().build());
    }

    HttpResponse<InputStream> resume(String taskId) throws IOException, InterruptedException {
        return stream(request("/api/tasks/" + taskId + "/resume").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonNode task(String taskId) throws IOException, InterruptedException {
        return json(http.send(request("/api/tasks/" + taskId).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return json(http.send(request(path).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Asks the server to cancel; true once it confirms. */
    boolean cancel(String taskId, Duration timeout) {
        try {
            HttpResponse<String> response = http.send(request("/api/tasks/" + taskId + "/cancel")
                    .timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Downloads to {@code target} through a temporary sibling, so a broken download never leaves half a file. */
    void download(String path, Path target) throws IOException, InterruptedException {
        Path absolute = target.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            HttpResponse<Path> response = http.send(request(path).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                throw failure(response.statusCode(), Files.readString(part));
            }
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            throw failure(response.statusCode(), body);
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("X-User-Id", userId)
                .header("Accept-Language", acceptLanguage)
                .header("User-Agent", "doc-annotator-cli");
    }

    private JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body());
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new RemoteFailureException("The server sent an unreadable answer (HTTP " + response.statusCode() + ").");
        }
    }

    /** Maps the API's error body to the CLI's outcome: document problems exit 3, the rest exit 4. */
    static RuntimeException failure(int status, String body) {
        String code = "";
        String message = "HTTP " + status;
        try {
            JsonNode error = Json.mapper().readTree(body).path("error");
            code = error.path("code").asText("");
            message = error.path("message").asText(message);
        } catch (IOException | RuntimeException notJson) {
            // keep the status line
        }
        return switch (status) {
            case 413 -> new DocumentRejectedException(Reason.TOO_LARGE, message);
            case 415 -> new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT, message);
            case 422 -> new DocumentRejectedException(Reason.UNPROCESSABLE, message);
            default -> new ServerAnswer(status, code, message);
        };
    }

    /** A non-2xx answer that is not about the document. */
    static final class ServerAnswer extends RemoteFailureException {
        final int status;
        final String code;

        ServerAnswer(int status, String code, String message) {
            super(message + " (HTTP " + status + (code.isEmpty() ? "" : ", " + code) + ")");
            this.status = status;
            this.code = code;
        }
    }
}
