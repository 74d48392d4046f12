package dev.docannotator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three real server processes ({@code serve --database-url … --workers 1}, {@code -Xmx256m}) on one fresh PostgreSQL
 * database, and what the tests that drive them over HTTP share: documents that keep a task running, starting a
 * stream, reading it until it is caught running, and which instance claimed a task.
 */
final class ThreeInstances implements AutoCloseable {

    static final String TOKEN = "cluster-test-admin-token-0123456789";
    static final Duration LIMIT = Duration.ofSeconds(90);
    /** The workers' test hook: every step of a task whose requirement says so takes 300 ms more. */
    private static final String SLOW = " [[worker-test:slow]]";
    private static final Pattern INSTANCE = Pattern.compile("Instance (\\S+) of the instances");

    private final String url;
    private final List<ServerProcess> servers;

    private ThreeInstances(String url, List<ServerProcess> servers) {
        this.url = url;
        this.servers = servers;
    }

    /**
     * Starts a, b and c under {@code dir} with the admin token, every user in the pausable rollout stage and the
     * workers' test hooks, plus {@code env} (which wins).
     */
    static ThreeInstances start(Path dir, Map<String, String> env) throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        Map<String, String> all = new HashMap<>(Map.of("ANNOTATOR_ADMIN_TOKEN", TOKEN,
                "ANNOTATOR_ROLLOUT_INITIAL_STAGE", "7", "ANNOTATOR_WORKER_TEST_HOOKS", "1"));
        all.putAll(env);
        List<ServerProcess> servers = new ArrayList<>();
        ThreeInstances cluster = new ThreeInstances(url, servers);
        try {
            for (String name : List.of("a", "b", "c")) {
                servers.add(ServerProcess.start(dir.resolve(name), List.of("-Xmx256m"),
                        List.of("--database-url", url, "--workers", "1"), all));
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String url() {
        return url;
    }

    /** The running instances, in start order (a test that stops one removes it). */
    List<ServerProcess> servers() {
        return servers;
    }

    ServerProcess a() {
        return servers.get(0);
    }

    ServerProcess b() {
        return servers.get(1);
    }

    ServerProcess c() {
        return servers.get(2);
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    /** A text document with {@code lines} TODO markers: long enough to be caught running. */
    static byte[] todoDocument(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("Line ").append(i).append(": TODO fill in this part.\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String upload(ServerProcess server, String user, byte[] content) throws Exception {
        HttpResponse<String> upload = server.upload(user, "todo.txt", content);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return Json.mapper().readTree(upload.body()).get("document_id").asText();
    }

    static EventStream start(ServerProcess server, String user, String documentId) throws Exception {
        EventStream stream = server.stream(user, streamBody(documentId, false));
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    /** A task whose every step takes 300 ms more: it outlives a short disconnect grace several times. */
    static EventStream startSlow(ServerProcess server, String user, String documentId) throws Exception {
        EventStream stream = server.stream(user, streamBody(documentId, true));
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    /** The body of {@code POST /api/chat/stream} for a TODO document; {@code slow}: see {@link #startSlow}. */
    static String streamBody(String documentId, boolean slow) {
        return Json.write(Map.of("message", "find TODO markers" + (slow ? SLOW : ""), "task_type", "DOC_ANNOTATE",
                "document_id", documentId));
    }

    static HttpResponse<String> post(ServerProcess server, String path, String user) throws Exception {
        return server.send(server.request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static JsonNode get(ServerProcess server, String path, String user) throws Exception {
        HttpResponse<String> response = server.send(server.request(path, user).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    /** Reads until {@code annotations} annotation events arrived; returns every event read. */
    static List<SseEvent> readAnnotations(EventStream stream, int annotations) throws Exception {
        List<SseEvent> seen = new ArrayList<>();
        int count = 0;
        SseEvent event;
        while ((event = stream.next(LIMIT)) != null) {
            seen.add(event);
            assertThat(event.terminal()).as("the task ended before it was caught running: " + event).isFalse();
            if (event.type().equals("annotation") && ++count >= annotations) {
                return seen;
            }
        }
        throw new AssertionError("the stream ended after " + seen.size() + " events");
    }

    static String instanceId(ServerProcess server) {
        Matcher m = INSTANCE.matcher(server.output());
        assertThat(m.find()).as("instance id in the log").isTrue();
        return m.group(1);
    }

    /** The instance whose db-scheduler claimed the task (picked_by). */
    ServerProcess runnerOf(String user, String taskId) throws Exception {
        DatabaseUrl db = DatabaseUrl.parse(url);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement q = c.prepareStatement(
                     "SELECT picked_by FROM scheduled_tasks WHERE task_instance = ? AND picked")) {
            q.setString(1, user + ":" + taskId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("the task is claimed").isTrue();
                String id = rs.getString(1);
                for (ServerProcess server : servers) {
                    if (instanceId(server).equals(id)) {
                        return server;
                    }
                }
                throw new AssertionError("no instance " + id);
            }
        }
    }
}
