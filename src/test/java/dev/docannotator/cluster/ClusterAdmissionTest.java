package dev.docannotator.cluster;

import static dev.docannotator.cluster.ThreeInstances.LIMIT;
import static dev.docannotator.cluster.ThreeInstances.post;
import static dev.docannotator.cluster.ThreeInstances.readAnnotations;
import static dev.docannotator.cluster.ThreeInstances.startSlow;
import static dev.docannotator.cluster.ThreeInstances.streamBody;
import static dev.docannotator.cluster.ThreeInstances.todoDocument;
import static dev.docannotator.cluster.ThreeInstances.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API.md's admission limits behind a load balancer, over HTTP on three real instances with one worker each: a user
 * with the per-user limit of unfinished tasks gets 429 {@code too_many_requests} from every instance, and once every
 * worker is busy and the waiting line is full (the queue bound per live instance, three here) every instance answers
 * 503 {@code server_busy} with {@code Retry-After}; a place freed through one instance is taken through another.
 */
class ClusterAdmissionTest {

    private static final int PER_USER_LIMIT = 2;
    /** Slowed tasks over this many lines (about 200 analysis steps of 300 ms more each) outlast the test. */
    private static final int LINES = 24_000;

    @TempDir
    Path tmp;
    ThreeInstances cluster;
    final List<EventStream> streams = new ArrayList<>();

    @BeforeEach
    void threeInstances() throws Exception {
        cluster = ThreeInstances.start(tmp, Map.of("ANNOTATOR_QUEUE_CAPACITY", "1",
                "ANNOTATOR_PER_USER_LIMIT", Integer.toString(PER_USER_LIMIT)));
    }

    @AfterEach
    void stop() throws Exception {
        streams.forEach(EventStream::close);
        cluster.close();
    }

    @Test
    void thePerUserLimitAndTheQueueBoundAnswerAlikeOnEveryInstance() throws Exception {
        List<ServerProcess> servers = cluster.servers();
        byte[] document = todoDocument(LINES);

        // The per-user limit: two unfinished tasks, started on A and B; a third is refused by every instance.
        String user = "admission-limited-user";
        EventStream first = running(cluster.a(), user, document);
        EventStream second = running(cluster.b(), user, document);
        String third = upload(cluster.c(), user, document);
        for (ServerProcess server : servers) {
            HttpResponse<String> refused = startRequest(server, user, third);
            assertError(refused, 429, "too_many_requests");
        }

        // The queue bound: the third worker busy too, then three tasks wait (one per live instance); the next is
        // refused by every instance, whichever instance admitted the waiting ones.
        running(cluster.c(), "admission-runner-user", document);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String waiter = "admission-waiter-user-" + i;
            EventStream stream = open(servers.get(i), waiter, upload(servers.get(i), waiter, document));
            SseEvent taskEvent = stream.next(LIMIT);
            assertThat(taskEvent.type()).isEqualTo("task");
            assertThat(taskEvent.data().get("status").asText()).as("every worker is busy").isEqualTo("queued");
            waiting.add(taskEvent.data().get("task_id").asText());
        }
        String late = "admission-late-user";
        String lateDocument = upload(cluster.a(), late, document);
        for (ServerProcess server : servers) {
            HttpResponse<String> busy = startRequest(server, late, lateDocument);
            assertError(busy, 503, "server_busy");
            assertThat(busy.headers().firstValue("Retry-After")).as("503 says when to retry").isPresent();
        }

        // A waiting task cancelled through B (it was admitted by A) frees its place for a task started on C.
        assertThat(post(cluster.b(), "/api/tasks/" + waiting.get(0) + "/cancel", "admission-waiter-user-0").statusCode())
                .isEqualTo(200);
        EventStream admitted = open(cluster.c(), late, lateDocument);
        SseEvent lateTask = admitted.next(LIMIT);
        assertThat(lateTask.type()).isEqualTo("task");
        assertThat(lateTask.data().get("status").asText()).isEqualTo("queued");

        // The user's tasks were never more than the limit: the refused start left nothing behind.
        JsonNode tasks = Json.mapper().readTree(cluster.c().send(cluster.c().request("/api/tasks", user).GET().build())
                .body()).get("tasks");
        assertThat(tasks).extracting(t -> t.get("status").asText()).containsOnly("running");
        assertThat(tasks).hasSize(PER_USER_LIMIT);
        assertThat(first.ended()).isFalse();
        assertThat(second.ended()).isFalse();
    }

    /** Starts a slowed task on {@code server} and reads until it runs (its first annotation). */
    private EventStream running(ServerProcess server, String user, byte[] document) throws Exception {
        EventStream stream = startSlow(server, user, upload(server, user, document));
        streams.add(stream);
        readAnnotations(stream, 1);
        return stream;
    }

    private EventStream open(ServerProcess server, String user, String documentId) throws Exception {
        EventStream stream = startSlow(server, user, documentId);
        streams.add(stream);
        return stream;
    }

    private static HttpResponse<String> startRequest(ServerProcess server, String user, String documentId)
            throws Exception {
        return server.send(server.request("/api/chat/stream", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(streamBody(documentId, true))).build());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = Json.mapper().readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }
}
