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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Client-seen cross-instance cancel (issue 16): three real instances ({@code java -jar target/doc-annotator.jar serve}
 * with {@code ANNOTATOR_DATABASE_URL}, one worker each) on one embedded PostgreSQL. Each sample opens a stream on one
 * instance, waits for its 5th annotation, sends {@code POST /cancel} to the next instance and times from sending the
 * cancel to reading {@code cancelled} on the stream. The first sample after start-up is reported on its own too, and
 * the samples are split by where the task ran (db-scheduler's {@code picked_by}, read just before the cancel): on the
 * streaming instance, on the one receiving the cancel, or on the third; each path differs (see BENCHMARKS.md).
 * {@code -Dbench.cancels=40} samples.
 */
final class ClusterBenchmark {
    static final int SAMPLES = Integer.getInteger("bench.cancels", 40);
    private static final int LINES = 4000;

    private ClusterBenchmark() {
    }

    /** Where the cancelled task ran, seen from the stream and the cancel. */
    enum RanOn { STREAM, CANCEL, THIRD }

    /**
     * One cancel: how long the client waited, where the task ran, how many events (of them {@code progress}) it read
     * before {@code cancelled}, when the cancel's 200 came back and when the event just before {@code cancelled} was
     * read (both from sending the cancel), and how far {@code cancelled}'s seq lies beyond the last seq read when the
     * cancel was sent (the events the server ordered before it).
     */
    record Sample(double millis, RanOn ranOn, int eventsBefore, int progressBefore, double answeredMillis,
                  double lastBeforeMillis, long seqGap) {
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
        List<Sample> samples = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                servers.add(ServerProcess.start(work.resolve("cluster-" + name), "256m", Map.of(
                        "ANNOTATOR_DATABASE_URL", url, "ANNOTATOR_WORKERS", "1",
                        "ANNOTATOR_ROLLOUT_INITIAL_STAGE", "7", "ANNOTATOR_ADMIN_TOKEN", "bench-cluster-admin-token-0123")));
            }
            Map<String, ServerProcess> byInstance = new java.util.HashMap<>();
            for (ServerProcess server : servers) {
                byInstance.put(server.instanceId(), server);
            }
            try (Connection db = connect(url)) {
                for (int i = 0; i < SAMPLES; i++) {
                    ServerProcess streamOn = servers.get(i % 3);
                    ServerProcess cancelOn = servers.get((i + 1) % 3);
                    samples.add(sample(http, db, byInstance, streamOn, cancelOn, "bench-cluster-user-" + i, doc));
                }
            }
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        List<Double> all = samples.stream().map(Sample::millis).toList();
        StringBuilder out = new StringBuilder("## Cross-instance cancel, three instances on one PostgreSQL\n\n");
        out.append("Load average before / after: ").append(loadBefore).append(" → ").append(ServerBenchmarks.loadAverage())
                .append("\n\n| cancel sent → stream read `cancelled` (ms) | p50 | p95 | p99 | max | n |\n|---|---|---|---|---|---|\n")
                .append(ServerBenchmarks.row("every sample", all))
                .append(ServerBenchmarks.row("without the first", all.subList(1, all.size())));
        for (RanOn ranOn : RanOn.values()) {
            out.append(ServerBenchmarks.row("task ran on the " + ranOn.name().toLowerCase(java.util.Locale.ROOT)
                    + " instance", samples.stream().filter(s -> s.ranOn() == ranOn).map(Sample::millis).toList()));
        }
        out.append(ServerBenchmarks.row("cancel sent → its 200 read", samples.stream().map(Sample::answeredMillis).toList()))
                .append(ServerBenchmarks.row("cancel sent → last event before `cancelled` read",
                        samples.stream().map(Sample::lastBeforeMillis).toList()));
        out.append(String.format(java.util.Locale.ROOT, "%nFirst sample after start-up: %.1f ms. All samples in order"
                        + " (ms / where the task ran: s stream, c cancel, t third / events read before `cancelled`"
                        + " (progress) / 200 read at ms / last event before `cancelled` read at ms / seq of"
                        + " `cancelled` minus last seq read when the cancel was sent): %s%n",
                samples.get(0).millis(), samples.stream().map(s -> String.format(java.util.Locale.ROOT,
                        "%.0f %s %d(%d) %.0f %.0f +%d", s.millis(),
                        s.ranOn().name().substring(0, 1).toLowerCase(java.util.Locale.ROOT), s.eventsBefore(),
                        s.progressBefore(), s.answeredMillis(), s.lastBeforeMillis(), s.seqGap())).toList()));
        return out.toString();
    }

    /** A JDBC connection to the benchmark's database, from the {@code postgresql://user:password@host:port/db} URL. */
    private static Connection connect(String url) throws Exception {
        java.net.URI uri = java.net.URI.create(url);
        String[] credentials = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                credentials[0], credentials[1]);
    }

    /** Which instance runs the task now, relative to the stream and the cancel. */
    private static RanOn ranOn(Connection db, Map<String, ServerProcess> byInstance, String key,
                               ServerProcess streamOn, ServerProcess cancelOn) throws Exception {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'annotate' AND task_instance = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                ServerProcess runner = rs.next() ? byInstance.get(rs.getString(1)) : null;
                return runner == streamOn ? RanOn.STREAM : runner == cancelOn ? RanOn.CANCEL : RanOn.THIRD;
            }
        }
    }

    /** One stream on {@code streamOn}, cancelled through {@code cancelOn}: milliseconds until the stream said so. */
    private static Sample sample(HttpClient http, Connection db, Map<String, ServerProcess> byInstance,
                                 ServerProcess streamOn, ServerProcess cancelOn, String user, Path doc) throws Exception {
        String documentId = ServerBenchmarks.upload(http, streamOn, user, doc);
        HttpRequest start = HttpRequest.newBuilder(streamOn.uri("/api/chat/stream")).header("X-User-Id", user)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"find TODO markers\",\"task_type\":\"DOC_ANNOTATE\","
                        + "\"document_id\":\"" + documentId + "\"}")).build();
        HttpResponse<InputStream> response = http.send(start, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String taskId = null;
            int annotations = 0;
            long lastSeq = 0;
            String line;
            while (annotations < 5 && (line = lines.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    lastSeq = Long.parseLong(line.substring(4).trim());
                }
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
            RanOn ranOn = ranOn(db, byInstance, user + ":" + taskId, streamOn, cancelOn);
            int eventsBefore = 0;
            int progressBefore = 0;
            long seq = lastSeq;
            long lastBefore = 0;
            long sent = System.nanoTime();
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(cancelOn.uri("/api/tasks/" + taskId + "/cancel"))
                    .header("X-User-Id", user).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (cancel.statusCode() != 200) {
                throw new IllegalStateException("cancel answered " + cancel.statusCode() + ": " + cancel.body());
            }
            long answered = System.nanoTime();
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    seq = Long.parseLong(line.substring(4).trim());
                }
                if (line.equals("event: cancelled")) {
                    long now = System.nanoTime();
                    return new Sample((now - sent) / 1e6, ranOn, eventsBefore, progressBefore, (answered - sent) / 1e6,
                            lastBefore == 0 ? 0 : (lastBefore - sent) / 1e6, seq - lastSeq);
                }
                if (line.startsWith("event: ")) {
                    eventsBefore++;
                    lastBefore = System.nanoTime();
                    if (line.equals("event: progress")) {
                        progressBefore++;
                    }
                }
                if (line.equals("event: result") || line.equals("event: error")) {
                    throw new IllegalStateException("the task ended with " + line + " instead of cancelled");
                }
            }
            throw new IllegalStateException("the stream ended without cancelled");
        }
    }
}
