package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.text.TextHandler;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.testsupport.BlockAnalyser;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InterruptedWorkerTest {
    /** Analysis whose third step blocks until interrupted and then throws, as a library may on an interrupt. */
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final BlockAnalyser analyser = new BlockAnalyser(Set.of(Check.TODO_MARKERS), List.of(), (text, block, index) -> {
        if (index == 2) {
            blocked.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new IllegalStateException("analysis interrupted", e);
            }
        }
        return List.of();
    });

    @Test
    void aWorkerInterruptedByTheStopIsAStopWithACheckpointNotAFailure() throws Exception {
        DocumentLimits limits = DocumentLimits.defaults();
        Engine engine = new Engine(new DocumentHandlers(List.of(TextHandler.plainText(limits))), analyser, limits);
        try (TestServer server = TestServer.start(
                s -> s.withTimings(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(2)),
                b -> b.engine(engine))) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "a.txt", "one\n\ntwo\n\nthree\n\nfour\n").get("document_id").asText();
            EventStream stream = server.stream(user, Map.of("document_id", doc));
            String taskId = stream.next().data().get("task_id").asText();
            blocked.await();

            // The worker does not leave its step by itself: the grace period ends and the stop interrupts it.
            server.restart();

            assertThat(TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText())
                    .isEqualTo("interrupted");
            // The final checkpoint was written: the text read before the stop is there.
            assertThat(TestServer.json(server.get("/api/tasks/" + taskId + "/annotations", user)).get("text").asText())
                    .isEqualTo("one\ntwo\nthree\nfour");
            List<SseEvent> replay = server.events(user, taskId, 0).readToEnd();
            assertThat(replay).last().extracting(SseEvent::type).isEqualTo("shutdown");
            assertThat(replay).noneMatch(e -> e.type().equals("error"));
        }
    }
}
