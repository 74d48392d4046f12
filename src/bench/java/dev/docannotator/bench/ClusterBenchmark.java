package dev.docannotator.bench;

import dev.docannotator.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Client-seen cross-instance cancel (issue 16): three real instances ({@code java -jar target/doc-annotator.jar serve}
 * with {@code ANNOTATOR_DATABASE_URL}, one worker each) on one embedded PostgreSQL. Each sample opens a stream on one
 * instance, waits for its 5th annotation, sends {@code POST /cancel} to the next instance and times from sending the
 * cancel to reading {@code cancelled} on the stream. The first sample after start-up is reported on its own too.
 * {@code -Dbench.cancels=40} samples.
 */
final class ClusterBenchmark {
    static final int SAMPLES = Integer.getInteger("bench.cancels", 40);
    private static final int LINES = 4000;

    private ClusterBenchmark() {
    }

    static String run(Path work) throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        Path doc = work.resolve("todo.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            text.append("Line ").append(i).append(": TODO fill in this part.\n");
        }
        Files.writeString(doc, text);
        List<ServerProcess> servers = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        String loadBefore = ServerBenchmarks.loadAverage();
        List<Double> samples = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                servers.add(ServerProcess.start(work.resolve("cluster-" + name), "256m", Map.of(
                        "ANNOTATOR_DATABASE_URL", url, "ANNOTATOR_WORKERS", "1",
                        "ANNOTATOR_ROLLOUT_INITIAL_STAGE", "7", "ANNOTATOR_ADMIN_TOKEN", "bench-cluster-admin-token-0123")));
            }
            for (int i = 0; i < SAMPLES; i++) {
                ServerProcess streamOn = servers.get(i % 3);
                ServerProcess cancelOn = servers.get((i + 1) % 3);
                samples.add(sample(http, streamOn, cancelOn, "bench-cluster-user-" + i, doc));
            }
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        List<Double> warm = samples.subList(1, samples.size());
        StringBuilder out = new StringBuilder("## Cross-instance cancel, three instances on one PostgreSQL\n\n");
        out.append("Load average before / after: ").append(loadBefore).append(" → ").append(ServerBenchmarks.loadAverage())
                .append("\n\n| cancel sent → stream read `cancelled` (ms) | p50 | p95 | p99 | max | n |\n|---|---|---|---|---|---|\n")
                .append(ServerBenchmarks.row("every sample", samples))
                .append(ServerBenchmarks.row("without the first", warm))
                .append(String.format(java.util.Locale.ROOT, "\nFirst sample after start-up: %.1f ms. All samples in order: %s%n",
                        samples.get(0), samples.stream().map(v -> String.format(java.util.Locale.ROOT, "%.0f", v)).toList()));
        return out.toString();
    }

    /** One stream on {@code streamOn}, cancelled through {@code cancelOn}: milliseconds until the stream said so. */
    private static double sample(HttpClient http, ServerProcess streamOn, ServerProcess cancelOn, String user, Path doc)
            throws Exception {
        String documentId = ServerBenchmarks.upload(http, streamOn, user, doc);
        HttpRequest start = HttpRequest.newBuilder(streamOn.uri("/api/chat/stream")).header("X-User-Id", user)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"find TODO markers\",\"task_type\":\"DOC_ANNOTATE\","
                        + "\"document_id\":\"" + documentId + "\"}")).build();
        HttpResponse<InputStream> response = http.send(start, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String taskId = null;
            int annotations = 0;
            String line;
            while (annotations < 5 && (line = lines.readLine()) != null) {
                if (taskId == null && line.startsWith("data:") && line.contains("\"task_id\"")) {
                    taskId = line.replaceFirst(".*\"task_id\":\"([^\"]+)\".*", "$1");
                }
                if (line.equals("event: annotation")) {
                    annotations++;
                }
                if (line.equals("event: result") || line.equals("event: error")) {
                    throw new IllegalStateException("the task ended before it was cancelled: " + line);
                }
            }
            long sent = System.nanoTime();
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(cancelOn.uri("/api/tasks/" + taskId + "/cancel"))
                    .header("X-User-Id", user).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (cancel.statusCode() != 200) {
                throw new IllegalStateException("cancel answered " + cancel.statusCode() + ": " + cancel.body());
            }
            while ((line = lines.readLine()) != null) {
                if (line.equals("event: cancelled")) {
                    return (System.nanoTime() - sent) / 1e6;
                }
                if (line.equals("event: result") || line.equals("event: error")) {
                    throw new IllegalStateException("the task ended with " + line + " instead of cancelled");
                }
            }
            throw new IllegalStateException("the stream ended without cancelled");
        }
    }
}
