package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Gate;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancelResumeTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(
            s -> s.withTimings(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(10)),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private String upload(String content) {
        return server.upload(user, "doc.txt", content).get("document_id").asText();
    }

    private static List<JsonNode> annotationsOf(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("annotation")).map(e -> e.data().get("annotation")).toList();
    }

    private List<JsonNode> uninterruptedAnnotations(String content) throws Exception {
        String doc = upload(content);
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc)).readToEnd();
        assertThat(events.get(events.size() - 1).type()).isEqualTo("result");
        return annotationsOf(events);
    }

    private void awaitStatus(String taskId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText();
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Task " + taskId + " is " + seen + ", expected " + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "analyse", "apply"})
    void cancelInAnyStageTellsTheStreamWithin500msAndResumeEqualsAnUninterruptedRun(String stage) throws Exception {
        String content = stepped.document(1000, 5);
        List<JsonNode> expected = uninterruptedAnnotations(content);
        assertThat(expected).hasSize(200);

        Gate gate = switch (stage) {
            case "read" -> stepped.read;
            case "analyse" -> stepped.analyse;
            default -> stepped.apply;
        };
        gate.close();
        // In analyse, the step held at the gate is line 5's, which has a finding: it is found after the cancel.
        gate.allow(stage.equals("analyse") ? 4 : 2);
        String doc = upload(content);
        EventStream first = server.stream(user, Map.of("document_id", doc, "message", "find TODO"));
        String taskId = first.next().data().get("task_id").asText();
        gate.awaitWaiting();

        long before = System.nanoTime();
        HttpResponse<String> cancel = server.post("/api/tasks/" + taskId + "/cancel", user);
        List<SseEvent> firstEvents = new ArrayList<>();
        SseEvent event;
        do {
            event = first.next();
            firstEvents.add(event);
        } while (!event.type().equals("cancelled"));
        long toldMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(cancel).get("status").asText()).isEqualTo("cancelled");
        assertThat(TestServer.json(cancel).get("task_id").asText()).isEqualTo(taskId);
        assertThat(toldMillis).isLessThan(500);
        assertThat(event.data().get("stage").asText()).isEqualTo(stage);
        assertThat(event.data().get("resumable").asBoolean()).isTrue();
        assertThat(first.readToEnd(Duration.ofSeconds(5))).isEmpty();
        assertThat(first.ended()).isTrue();

        // The worker is still inside the step; once the step ends it stops, keeping what the step found.
        gate.open();
        awaitStatus(taskId, "cancelled");
        assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isEqualTo(200);

        EventStream resumed = server.resume(user, taskId);
        List<SseEvent> resumedEvents = resumed.readToEnd();
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumedEvents.get(0).type()).isEqualTo("task");
        assertThat(resumedEvents.get(0).id()).isEqualTo(event.id() + 1);
        assertThat(resumedEvents.get(resumedEvents.size() - 1).type()).isEqualTo("result");
        for (int i = 1; i < resumedEvents.size(); i++) {
            assertThat(resumedEvents.get(i).id()).isEqualTo(resumedEvents.get(i - 1).id() + 1);
        }

        if (stage.equals("analyse")) {
            assertThat(annotationsOf(firstEvents)).isEmpty();
            assertThat(resumedEvents.get(1).type()).isEqualTo("annotation");
            assertThat(resumedEvents.get(1).data().get("annotation").get("id").asText()).isEqualTo("a1");
        }
        List<JsonNode> sent = new ArrayList<>(annotationsOf(firstEvents));
        sent.addAll(annotationsOf(resumedEvents));
        assertThat(sent).containsExactlyElementsOf(expected);
        JsonNode stored = TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user));
        assertThat(stored.get("annotations")).containsExactlyElementsOf(expected);
        assertThat(resumedEvents.get(resumedEvents.size() - 1).data().get("annotation_count").asInt()).isEqualTo(200);
        int lastProgress = firstEvents.stream().filter(e -> e.type().equals("progress"))
                .mapToInt(e -> e.data().get("progress").asInt()).max().orElse(0);
        for (SseEvent e : resumedEvents) {
            if (e.type().equals("progress")) {
                assertThat(e.data().get("progress").asInt()).isGreaterThanOrEqualTo(lastProgress);
                lastProgress = e.data().get("progress").asInt();
            }
        }
    }

    @Test
    void reattachingReplaysExactlyTheMissedEventsThenFollowsLive() throws Exception {
        stepped.analyse.close();
        stepped.analyse.allow(20);
        String doc = upload(stepped.document(400, 4));
        EventStream first = server.stream(user, Map.of("document_id", doc));
        List<SseEvent> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(first.next());
        }
        String taskId = seen.get(0).data().get("task_id").asText();
        first.close();

        EventStream again = server.events(user, taskId, seen.get(seen.size() - 1).id());
        SseEvent next = again.next();
        assertThat(next.id()).isEqualTo(9);
        stepped.analyse.open();
        List<SseEvent> rest = new ArrayList<>(List.of(next));
        rest.addAll(again.readToEnd());
        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");

        List<SseEvent> full = server.events(user, taskId, 0).readToEnd();
        List<SseEvent> combined = new ArrayList<>(seen);
        combined.addAll(rest);
        assertThat(combined).containsExactlyElementsOf(full);

        EventStream viaQuery = server.open(server.request("/api/tasks/" + taskId + "/events?last_event_id="
                + (full.size() - 1), user).GET().build());
        assertThat(viaQuery.readToEnd()).containsExactly(full.get(full.size() - 1));
    }

    @Test
    void aTaskWhoseClientWentAwayIsCancelledAfterTheGracePeriodAndCanResume() throws Exception {
        stepped.read.close();
        String doc = upload(stepped.document(600, 5));
        EventStream stream = server.stream(user, Map.of("document_id", doc));
        String taskId = stream.next().data().get("task_id").asText();
        stepped.read.awaitWaiting();
        stream.close();
        awaitStatus(taskId, "cancelled");
        stepped.read.open();
        List<SseEvent> resumed = server.resume(user, taskId).readToEnd();
        assertThat(resumed.get(resumed.size() - 1).type()).isEqualTo("result");
        assertThat(resumed.get(resumed.size() - 1).data().get("annotation_count").asInt()).isEqualTo(120);
    }

    @Test
    void aClientThatReattachesWithinTheGracePeriodKeepsTheTaskRunning() throws Exception {
        stepped.read.close();
        String doc = upload(stepped.document(600, 5));
        EventStream stream = server.stream(user, Map.of("document_id", doc));
        SseEvent first = stream.next();
        String taskId = first.data().get("task_id").asText();
        stepped.read.awaitWaiting();
        EventStream again = server.events(user, taskId, first.id());
        stream.close();
        Thread.sleep(800); // twice the grace period: long enough for the (wrong) cancel to happen
        assertThat(TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText()).isEqualTo("running");
        stepped.read.open();
        List<SseEvent> rest = again.readToEnd();
        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
    }

    @Test
    void cancelAndResumeAnswerConflictsAndOwnershipAsTheContractSays() throws Exception {
        String doc = upload(stepped.document(20, 5));
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc)).readToEnd();
        String taskId = events.get(0).data().get("task_id").asText();

        HttpResponse<String> cancelDone = server.post("/api/tasks/" + taskId + "/cancel", user);
        assertThat(cancelDone.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(cancelDone).get("error").get("code").asText()).isEqualTo("conflict");
        HttpResponse<String> resumeDone = server.post("/api/tasks/" + taskId + "/resume", user);
        assertThat(resumeDone.statusCode()).isEqualTo(409);
        assertThat(resumeDone.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        String stranger = TestServer.newUser();
        for (String path : List.of("/cancel", "/resume")) {
            HttpResponse<String> other = server.post("/api/tasks/" + taskId + path, stranger);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(TestServer.json(other).get("error").get("code").asText()).isEqualTo("not_found");
        }
        for (String path : List.of("", "/annotations", "/result", "/events")) {
            assertThat(server.get("/api/tasks/" + taskId + path, stranger).statusCode()).isEqualTo(404);
        }
        assertThat(server.post("/api/tasks/no-such-task-123/cancel", user).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/tasks", stranger).body()).isEqualTo("{\"tasks\":[]}");
    }

    @Test
    void cancelIsForbiddenWhenTheTaskWasStartedWithoutPausableStreaming() throws Exception {
        try (TestServer off = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults()))
                .featureDecider((feature, userId) -> false))) {
            stepped.read.close();
            String doc = off.upload(user, "a.txt", stepped.document(20, 5)).get("document_id").asText();
            EventStream stream = off.stream(user, Map.of("document_id", doc));
            SseEvent task = stream.next();
            assertThat(task.data().get("pausable").asBoolean()).isFalse();
            HttpResponse<String> cancel = off.post("/api/tasks/" + task.data().get("task_id").asText() + "/cancel", user);
            assertThat(cancel.statusCode()).isEqualTo(403);
            assertThat(TestServer.json(cancel).get("error").get("code").asText()).isEqualTo("feature_disabled");
            assertThat(TestServer.json(off.get("/api/features", user)).get("features").get("PAUSABLE_STREAMING")
                    .asBoolean()).isFalse();
            stepped.read.open();
            assertThat(stream.readToEnd()).last().extracting(SseEvent::type).isEqualTo("result");
        }
    }

    @Test
    void aCancelRacingTheLastStepIsAnsweredAsTheTaskEnded() throws Exception {
        String doc = upload(stepped.document(5, 5));
        for (int round = 0; round < 15; round++) {
            stepped.apply.close();
            EventStream stream = server.stream(user, Map.of("document_id", doc));
            String taskId = stream.next().data().get("task_id").asText();
            stepped.apply.awaitWaiting();
            java.util.concurrent.CompletableFuture<HttpResponse<String>> cancel =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> server.post("/api/tasks/" + taskId + "/cancel", user));
            stepped.apply.open();
            int code = cancel.get().statusCode();
            String terminal = stream.readToEnd().stream().filter(SseEvent::terminal).findFirst()
                    .map(SseEvent::type).orElseThrow();
            awaitStatus(taskId, code == 200 ? "cancelled" : "completed");
            assertThat(terminal).isEqualTo(code == 200 ? "cancelled" : "result");
            assertThat(code).isIn(200, 409);
        }
    }
}
