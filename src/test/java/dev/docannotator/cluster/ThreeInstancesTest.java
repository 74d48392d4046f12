package dev.docannotator.cluster;

import static dev.docannotator.cluster.ThreeInstances.get;
import static dev.docannotator.cluster.ThreeInstances.post;
import static dev.docannotator.cluster.ThreeInstances.readAnnotations;
import static dev.docannotator.cluster.ThreeInstances.start;
import static dev.docannotator.cluster.ThreeInstances.startSlow;
import static dev.docannotator.cluster.ThreeInstances.todoDocument;
import static dev.docannotator.cluster.ThreeInstances.upload;
import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real server processes on one PostgreSQL database behave as one service: a stream opened on one, a cancel
 * sent to another, a re-attach to the third; a task whose instance is killed with {@code kill -9} finishes on
 * another from its checkpoint with the same result; two operators on two instances with the same version get one
 * success and one conflict.
 */
class ThreeInstancesTest {

    static final String TOKEN = ThreeInstances.TOKEN;
    static final String OPERATOR = "operator-console-user";
    private static final Duration LIMIT = ThreeInstances.LIMIT;
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** Lines (TODO markers) of the slow document: long enough to outlive the grace several times. */
    private static final int GRACE_LINES = 1500;

    @TempDir
    Path tmp;
    ThreeInstances cluster;
    String url;
    List<ServerProcess> servers;

    @BeforeEach
    void threeInstances() throws Exception {
        // a short disconnect grace, noticed within a second, and steps slowed on demand (startSlow) so that a task
        // outlives it
        cluster = ThreeInstances.start(tmp, Map.of("ANNOTATOR_DISCONNECT_GRACE_SECONDS", Long.toString(GRACE.toSeconds()),
                "ANNOTATOR_HEARTBEAT_SECONDS", "1"));
        url = cluster.url();
        servers = cluster.servers();
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    ServerProcess a() {
        return cluster.a();
    }

    ServerProcess b() {
        return cluster.b();
    }

    ServerProcess c() {
        return cluster.c();
    }

    ServerProcess runnerOf(String user, String taskId) throws Exception {
        return cluster.runnerOf(user, taskId);
    }

    @Test
    void uploadOnAStreamOnBCancelOnCAndReattachOnA() throws Exception {
        String user = "cluster-user-one";
        String documentId = upload(a(), user, todoDocument(6000));
        EventStream onB = start(b(), user, documentId);
        List<SseEvent> seen = readAnnotations(onB, 20);
        String taskId = seen.get(0).data().get("task_id").asText();

        long sent = System.nanoTime();
        HttpResponse<String> cancel = post(c(), "/api/tasks/" + taskId + "/cancel", user);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        SseEvent event;
        while ((event = onB.next(LIMIT)) != null && !event.terminal()) {
            seen.add(event);
        }
        long toldMillis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(event).isNotNull();
        assertThat(event.type()).isEqualTo("cancelled");
        seen.add(event);
        System.out.println("cross-instance cancel: stream on B told " + toldMillis + " ms after the cancel was sent to C");
        waitUntil("every instance says cancelled", LIMIT, () -> servers.stream().allMatch(s -> {
            try {
                return get(s, "/api/tasks/" + taskId, user).get("status").asText().equals("cancelled");
            } catch (Exception e) {
                return false;
            }
        }));

        // Re-attach on A from the start: the same events under the same ids, ending with cancelled.
        List<SseEvent> replay = a().events(user, taskId, 0).readToEnd(LIMIT);
        assertThat(replay).containsExactlyElementsOf(seen);

        // Resume on C continues from the checkpoint; the result is served by every instance.
        EventStream resumed = c().open(c().request("/api/tasks/" + taskId + "/resume", user)
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(resumed.status()).isEqualTo(200);
        List<SseEvent> rest = resumed.readToEnd(LIMIT);
        assertThat(rest.get(0).id()).isEqualTo(event.id() + 1);
        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        for (ServerProcess s : servers) {
            HttpResponse<String> result = s.send(s.request("/api/tasks/" + taskId + "/result", user).GET().build());
            assertThat(result.statusCode()).isEqualTo(200);
        }
        assertThat(get(b(), "/api/tasks/" + taskId + "/annotations", user).get("annotations").size())
                .isEqualTo(rest.get(rest.size() - 1).data().get("annotation_count").asInt());

        // More samples of the client-seen latency: stream on one instance, cancel sent to the next one.
        List<Long> samples = new ArrayList<>();
        samples.add(toldMillis);
        for (int i = 0; i < 10; i++) {
            String sampleUser = "cluster-latency-user-" + i;
            ServerProcess streamOn = servers.get(i % 3);
            ServerProcess cancelOn = servers.get((i + 1) % 3);
            EventStream stream = start(streamOn, sampleUser, upload(streamOn, sampleUser, todoDocument(4000)));
            String id = readAnnotations(stream, 5).get(0).data().get("task_id").asText();
            long t0 = System.nanoTime();
            assertThat(post(cancelOn, "/api/tasks/" + id + "/cancel", sampleUser).statusCode()).isEqualTo(200);
            SseEvent told;
            while ((told = stream.next(LIMIT)) != null && !told.terminal()) {
                // annotations still in flight before the cancel
            }
            samples.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(told.type()).isEqualTo("cancelled");
            stream.close();
        }
        List<Long> sorted = samples.stream().sorted().toList();
        System.out.println("cross-instance cancel samples (ms): " + samples + " median " + sorted.get(sorted.size() / 2)
                + " max " + sorted.get(sorted.size() - 1));
    }

    @Test
    void aTaskWhoseInstanceIsKilledFinishesOnAnotherFromItsCheckpointWithTheSameResult() throws Exception {
        String user = "cluster-user-two";
        byte[] document = todoDocument(8000);
        // The uninterrupted run, for comparison.
        String reference = upload(a(), user, document);
        List<SseEvent> uninterrupted = start(a(), user, reference).readToEnd(LIMIT);
        assertThat(uninterrupted.get(uninterrupted.size() - 1).type()).isEqualTo("result");
        String referenceTask = uninterrupted.get(0).data().get("task_id").asText();
        JsonNode expected = get(a(), "/api/tasks/" + referenceTask + "/annotations", user);

        String documentId = upload(b(), user, document);
        EventStream stream = start(b(), user, documentId);
        List<SseEvent> seen = readAnnotations(stream, 300);
        String taskId = seen.get(0).data().get("task_id").asText();
        ServerProcess runner = runnerOf(user, taskId);
        ServerProcess survivor = servers.stream().filter(s -> s != runner).findFirst().orElseThrow();
        long lastSeen = seen.get(seen.size() - 1).id();

        long killed = System.nanoTime();
        runner.kill9();
        long storedAtDeath = maxStoredSeq(user + ":" + taskId);
        // Re-attach (as a client does when its connection drops) to a surviving instance.
        EventStream reattached = survivor.events(user, taskId, lastSeen);
        SseEvent first = reattached.next(LIMIT);
        List<SseEvent> after = new ArrayList<>();
        long failoverMillis = -1;
        while (first != null && !first.terminal()) {
            after.add(first);
            if (failoverMillis < 0 && first.id() > storedAtDeath) {
                failoverMillis = (System.nanoTime() - killed) / 1_000_000; // written by the instance that took over
            }
            first = reattached.next(LIMIT);
        }
        assertThat(first).as("the task continues after the kill").isNotNull();
        after.add(first);
        System.out.println("fail-over: first event written by the new instance " + failoverMillis
                + " ms after kill -9 of the running instance (stored up to seq " + storedAtDeath + " at its death)");
        assertThat(after.get(after.size() - 1).type()).isEqualTo("result");
        assertThat(after.get(0).id()).isGreaterThan(lastSeen);

        JsonNode got = get(survivor, "/api/tasks/" + taskId + "/annotations", user);
        assertThat(got.get("text")).isEqualTo(expected.get("text"));
        assertThat(withoutIds(got.get("annotations"))).isEqualTo(withoutIds(expected.get("annotations")));
        assertThat(after.get(after.size() - 1).data().get("annotation_count").asInt())
                .isEqualTo(uninterrupted.get(uninterrupted.size() - 1).data().get("annotation_count").asInt());
        servers.remove(runner);
        runner.close();
    }

    /**
     * API.md's disconnect grace behind a load balancer: a client that leaves the instance running its task and
     * re-attaches to another keeps the task; a task followed on one instance is not cancelled because its client left
     * another; a task nobody follows anywhere any more is cancelled once, after the grace, and stays resumable.
     */
    @Test
    void theDisconnectGraceIsJudgedAcrossInstances() throws Exception {
        // 1. The client leaves the instance running its task and re-attaches to another: the task completes.
        String user = "cluster-grace-user-1";
        EventStream first = startSlow(b(), user, upload(b(), user, todoDocument(GRACE_LINES)));
        List<SseEvent> seen = readAnnotations(first, 1);
        String taskId = seen.get(0).data().get("task_id").asText();
        ServerProcess runner = runnerOf(user, taskId);
        ServerProcess other = servers.stream().filter(s -> s != runner).findFirst().orElseThrow();
        EventStream onRunner = runner.events(user, taskId, seen.get(seen.size() - 1).id());
        first.close();
        seen.add(nextLive(onRunner));
        onRunner.close(); // the client goes away from the instance running its task...
        long left = System.nanoTime();
        Thread.sleep(500);
        EventStream reattached = other.events(user, taskId, seen.get(seen.size() - 1).id()); // ...and comes back elsewhere
        List<SseEvent> rest = reattached.readToEnd(LIMIT);
        System.out.println("disconnect grace: the task ran " + (System.nanoTime() - left) / 1_000_000
                + " ms after its client left the running instance");
        assertThat(rest).extracting(SseEvent::type).doesNotContain("cancelled");
        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        assertThat(Duration.ofNanos(System.nanoTime() - left)).as("the task outlived the grace after the client left")
                .isGreaterThan(GRACE.plusSeconds(2));

        // 2. A stream stays open on one instance while the client's other stream left another: no cancel; then the
        //    last client leaves too and nobody comes back: cancelled once after the grace, resumable.
        String user2 = "cluster-grace-user-2";
        EventStream started = startSlow(b(), user2, upload(b(), user2, todoDocument(GRACE_LINES)));
        List<SseEvent> seen2 = readAnnotations(started, 1);
        String taskId2 = seen2.get(0).data().get("task_id").asText();
        ServerProcess runner2 = runnerOf(user2, taskId2);
        ServerProcess follower = servers.stream().filter(s -> s != runner2).findFirst().orElseThrow();
        EventStream following = follower.events(user2, taskId2, seen2.get(seen2.size() - 1).id());
        started.close();
        long quietUntil = System.nanoTime() + GRACE.plusSeconds(3).toNanos();
        SseEvent event = null;
        while (System.nanoTime() < quietUntil) {
            event = nextLive(following);
            seen2.add(event);
        }
        following.close();
        long lastLeft = System.nanoTime();
        waitUntil("the abandoned task ends", LIMIT,
                () -> List.of("cancelled", "completed", "failed").contains(status(c(), user2, taskId2)));
        assertThat(status(c(), user2, taskId2)).as("cancelled after the grace").isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - lastLeft)).as("not before the grace").isGreaterThanOrEqualTo(GRACE);
        Thread.sleep(3000); // more sweeps on every instance: still one cancel
        List<SseEvent> log = a().events(user2, taskId2, 0).readToEnd(LIMIT);
        assertThat(log).filteredOn(e -> e.type().equals("cancelled")).hasSize(1);
        SseEvent cancelled = log.get(log.size() - 1);
        assertThat(cancelled.type()).isEqualTo("cancelled");
        assertThat(cancelled.data().get("resumable").asBoolean()).isTrue();
        assertThat(status(b(), user2, taskId2)).isEqualTo("cancelled");

        EventStream resumed = other.open(other.request("/api/tasks/" + taskId2 + "/resume", user2)
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(resumed.status()).isEqualTo(200);
        List<SseEvent> after = resumed.readToEnd(LIMIT);
        assertThat(after.get(0).id()).isEqualTo(cancelled.id() + 1);
        assertThat(after.get(after.size() - 1).type()).isEqualTo("result");
    }

    /**
     * SIGTERM of the instance running a task: the task becomes interrupted (resumable), and while that instance stays
     * down its resume is accepted by another and continues from the checkpoint: no annotation is found twice.
     */
    @Test
    void aTaskInterruptedBySigtermOfItsInstanceIsResumedOnAnotherFromItsCheckpoint() throws Exception {
        String user = "cluster-sigterm-user";
        EventStream stream = startSlow(a(), user, upload(a(), user, todoDocument(GRACE_LINES)));
        List<SseEvent> before = readAnnotations(stream, 1);
        String taskId = before.get(0).data().get("task_id").asText();
        ServerProcess runner = runnerOf(user, taskId);
        ServerProcess survivor = servers.stream().filter(s -> s != runner).findFirst().orElseThrow();
        // The survivor holds a copy of the task that follows it (a client watches it there) while more is found.
        EventStream watching = survivor.events(user, taskId, 0);
        readAnnotations(watching, 1);
        readAnnotations(stream, 3);
        runner.close(); // SIGTERM: a graceful stop
        assertThat(runner.alive()).isFalse();
        servers.remove(runner);
        assertThat(status(survivor, user, taskId)).isEqualTo("interrupted");
        List<SseEvent> log = survivor.events(user, taskId, 0).readToEnd(LIMIT);
        SseEvent shutdown = log.get(log.size() - 1);
        assertThat(shutdown.type()).isEqualTo("shutdown");
        assertThat(shutdown.data().get("resumable").asBoolean()).isTrue();

        EventStream resumed = survivor.open(survivor.request("/api/tasks/" + taskId + "/resume", user)
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(resumed.status()).isEqualTo(200);
        List<SseEvent> after = resumed.readToEnd(LIMIT);
        assertThat(after.get(0).id()).isEqualTo(shutdown.id() + 1);
        SseEvent result = after.get(after.size() - 1);
        assertThat(result.type()).isEqualTo("result");
        List<SseEvent> all = new ArrayList<>(log);
        all.addAll(after);
        List<String> found = all.stream().filter(e -> e.type().equals("annotation"))
                .map(e -> e.data().get("annotation").get("start") + ":" + e.data().get("annotation").get("rule")).toList();
        assertThat(found).doesNotHaveDuplicates().hasSize(result.data().get("annotation_count").asInt());
        for (ServerProcess s : servers) {
            assertThat(s.send(s.request("/api/tasks/" + taskId + "/result", user).GET().build()).statusCode())
                    .isEqualTo(200);
        }
    }

    /** The next event of a stream that must still be live (the task not ended). */
    private static SseEvent nextLive(EventStream stream) throws InterruptedException {
        SseEvent event = stream.next(LIMIT);
        assertThat(event).as("the stream goes on").isNotNull();
        assertThat(event.terminal()).as("the task goes on while a client follows it: " + event).isFalse();
        return event;
    }

    private static String status(ServerProcess server, String user, String taskId) {
        try {
            return get(server, "/api/tasks/" + taskId, user).get("status").asText();
        } catch (Exception e) {
            return "<" + e + ">";
        }
    }

    private long maxStoredSeq(String key) throws Exception {
        DatabaseUrl db = DatabaseUrl.parse(url);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM task_events WHERE task_id = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> withoutIds(JsonNode annotations) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : annotations) {
            out.add(a.get("start") + "-" + a.get("end") + ":" + a.get("rule") + ":" + a.get("message"));
        }
        return out;
    }

    @Test
    void twoOperatorsOnTwoInstancesWithTheSameVersionGetOneSuccessAndOneConflict() throws Exception {
        long version = rollout(a()).get("version").asLong();
        assertThat(rollout(b()).get("version").asLong()).isEqualTo(version);
        HttpResponse<String> first = admin(a(), "/api/admin/rollout/freeze", Map.of("reason", "hold", "version", version));
        HttpResponse<String> second = admin(b(), "/api/admin/rollout/freeze", Map.of("reason", "hold too", "version", version));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(rollout(c()).get("version").asLong()).isEqualTo(version + 1);
        assertThat(rollout(c()).get("frozen").asBoolean()).isTrue();

        JsonNode instances = Json.mapper().readTree(c().send(c().request("/api/admin/instances", OPERATOR)
                .header("Authorization", "Bearer " + TOKEN).GET().build()).body()).get("instances");
        assertThat(instances).hasSize(3);
        for (JsonNode instance : instances) {
            assertThat(instance.get("alive").asBoolean()).isTrue();
            assertThat(instance.has("heartbeat_at")).isTrue();
        }
    }

    private JsonNode rollout(ServerProcess server) throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/admin/rollout", OPERATOR)
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> admin(ServerProcess server, String path, Map<String, Object> body) throws Exception {
        return server.send(server.request(path, OPERATOR).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }
}
