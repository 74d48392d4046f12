package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-identity cap on open event streams: refused with 429 + Retry-After, and given back on every ending. */
class StreamLimitTest {
    private static final int CAP = 3;

    private final SteppedEngine stepped = new SteppedEngine();
    // Short heartbeats, so that the server notices a gone client within ~100 ms.
    private final TestServer server = TestServer.start(
            s -> s.withMaxStreamsPerUser(CAP).withTimings(Duration.ofMillis(100), Duration.ofSeconds(30),
                    Duration.ofSeconds(10)),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())).featureDecider((feature, user) -> true));
    private final List<EventStream> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        stepped.openAll();
        opened.forEach(EventStream::close);
        server.close();
    }

    /** Starts a task that stays held at the read stage; returns its stream (one open stream of {@code user}). */
    private EventStream startHeldTask(String user) throws InterruptedException {
        stepped.read.close();
        String doc = server.upload(user, "d.txt", stepped.document(10, 5)).get("document_id").asText();
        EventStream stream = track(server.stream(user, Map.of("document_id", doc)));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.next().type()).isEqualTo("task");
        return stream;
    }

    private EventStream track(EventStream stream) {
        opened.add(stream);
        return stream;
    }

    /** Re-attaches to the task; asserts the stream really opened (its first event was replayed). */
    private EventStream attach(String user, String taskId) throws InterruptedException {
        EventStream stream = track(server.events(user, taskId, 0));
        assertThat(stream.status()).as("re-attach to %s", taskId).isEqualTo(200);
        assertThat(stream.next().type()).isEqualTo("task");
        return stream;
    }

    /** A request that should be refused; if it opened a stream instead, that stream is closed, not awaited. */
    private record Answer(int status, HttpHeaders headers, String body) {
        JsonNode error() {
            return Json.read(body, JsonNode.class).get("error");
        }
    }

    private Answer send(HttpRequest request) {
        try (EventStream stream = server.open(request)) {
            if (stream.status() == 200) {
                return new Answer(200, stream.response().headers(), "");
            }
            // An error body is one JSON line and no SSE event: the reader hits the end.
            assertThat(stream.next()).isNull();
            return new Answer(stream.status(), stream.response().headers(), String.join("\n", stream.lines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer attachRaw(String user, String taskId, String language) {
        return send(server.request("/api/tasks/" + taskId + "/events", user)
                .header("Accept-Language", language).GET().build());
    }

    private static String taskIdOf(EventStream stream) {
        return stream.lines().stream().filter(l -> l.startsWith("data: ")).findFirst()
                .map(l -> Json.read(l.substring(6), JsonNode.class)).orElseThrow().get("task_id").asText();
    }

    /** Keeps trying to re-attach until a place is free (the server notices a gone client at its next heartbeat). */
    private EventStream awaitAttach(String user, String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            EventStream stream = track(server.events(user, taskId, 0));
            if (stream.status() == 200) {
                assertThat(stream.next().type()).isEqualTo("task");
                return stream;
            }
            assertThat(stream.status()).isEqualTo(429);
            stream.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No stream place was given back within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void oneStreamMoreThanTheCapIsTooManyRequestsWithRetryAfterAndALocalizedMessage() throws Exception {
        String user = TestServer.newUser();
        EventStream first = startHeldTask(user);
        String taskId = taskIdOf(first);
        for (int i = 1; i < CAP; i++) {
            attach(user, taskId);
        }

        Answer refused = attachRaw(user, taskId, "en");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = refused.error();
        assertThat(error.get("code").asText()).isEqualTo("too_many_requests");
        assertThat(error.get("message").asText()).isEqualTo("You already have 3 event streams open; "
                + "close one or wait for a task to finish, then try again.");
        assertThat(attachRaw(user, taskId, "zh-CN").error().get("message").asText())
                .startsWith("您已打开 3 个事件流");

        // A new stream of any kind is refused before it does anything: no task is created, no upload kept.
        String doc = server.upload(user, "d.txt", "text\n").get("document_id").asText();
        Answer newTask = send(server.request("/api/chat/stream", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"document_id\":\"" + doc + "\",\"task_id\":\"refused-by-cap-1\"}")).build());
        assertThat(newTask.status()).isEqualTo(429);
        assertThat(server.get("/api/tasks/refused-by-cap-1", user).statusCode()).isEqualTo(404);
        assertThat(send(server.request("/api/tasks/" + taskId + "/resume", user)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(429);

        // Another identity is not affected.
        String other = TestServer.newUser();
        EventStream theirs = startHeldTask(other);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(server.app().meterRegistry().find("annotator_streams_refused").counter().count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void requestsRefusedBeforeTheirStreamStartsGiveTheirPlaceBack() throws Exception {
        String user = TestServer.newUser();
        for (int i = 0; i < CAP * 2; i++) {
            assertThat(server.get("/api/tasks/no-such-task-" + i + "/events", user).statusCode()).isEqualTo(404);
            assertThat(server.postJson("/api/chat/stream", user, "{\"task_type\":\"OTHER\",\"document_id\":\"x\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(server.postJson("/api/chat/stream", user, "{\"document_id\":\"unknown-document\"}")
                    .statusCode()).isEqualTo(404);
            assertThat(server.post("/api/tasks/no-such-task-" + i + "/resume", user).statusCode()).isEqualTo(404);
        }
        EventStream first = startHeldTask(user);
        String taskId = taskIdOf(first);
        for (int i = 1; i < CAP; i++) {
            attach(user, taskId);
        }
        assertThat(attachRaw(user, taskId, "en").status()).isEqualTo(429);
    }

    @Test
    void streamsWhoseClientWentAwayGiveTheirPlaceBack() throws Exception {
        String user = TestServer.newUser();
        EventStream first = startHeldTask(user);
        String taskId = taskIdOf(first);
        for (EventStream stream : fillToCap(user, first)) {
            stream.close();
        }
        for (int i = 0; i < CAP; i++) {
            awaitAttach(user, taskId);
        }
        assertThat(attachRaw(user, taskId, "en").status()).isEqualTo(429);
    }

    @Test
    void streamsThatEndedWithTheirTaskOrACancelGiveTheirPlaceBack() throws Exception {
        String user = TestServer.newUser();
        // Normal end: every stream of a task that completes reads to its result and closes.
        List<EventStream> streams = fillToCap(user, startHeldTask(user));
        stepped.read.open();
        for (EventStream stream : streams) {
            assertThat(stream.readToEnd()).last().extracting(SseEvent::type).isEqualTo("result");
        }

        // Cancel: CAP streams on a new held task end with "cancelled".
        EventStream second = awaitStart(user);
        String secondId = taskIdOf(second);
        streams = fillToCap(user, second);
        assertThat(server.post("/api/tasks/" + secondId + "/cancel", user).statusCode()).isEqualTo(200);
        for (EventStream stream : streams) {
            assertThat(stream.readToEnd()).last().extracting(SseEvent::type).isEqualTo("cancelled");
        }

        // All CAP places are free again.
        fillToCap(user, awaitStart(user));
    }

    /** Attaches to {@code first}'s task until the user holds CAP streams in all; the next one is refused. */
    private List<EventStream> fillToCap(String user, EventStream first) throws InterruptedException {
        String taskId = taskIdOf(first);
        List<EventStream> streams = new ArrayList<>(List.of(first));
        for (int i = 1; i < CAP; i++) {
            streams.add(awaitAttach(user, taskId));
        }
        assertThat(attachRaw(user, taskId, "en").status()).isEqualTo(429);
        return streams;
    }

    /**
     * Starts a held task once a place is free: a stream's place is given back just after its last event was
     * written, so a client that saw the end may be a few microseconds early.
     */
    private EventStream awaitStart(String user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        stepped.read.close();
        String doc = server.upload(user, "d.txt", stepped.document(10, 5)).get("document_id").asText();
        while (true) {
            EventStream stream = track(server.stream(user, Map.of("document_id", doc)));
            if (stream.status() == 200) {
                assertThat(stream.next().type()).isEqualTo("task");
                return stream;
            }
            assertThat(stream.status()).isEqualTo(429);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No stream place was given back within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
