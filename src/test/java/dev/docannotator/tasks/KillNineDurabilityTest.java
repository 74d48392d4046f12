package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.ServerProcess;
import dev.docannotator.testsupport.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's promise across {@code kill -9} of a real server process: an event a client received is in the
 * database (nothing lost), and no seq a client saw is given to another event after the restart. The kill falls
 * while the task is producing events as fast as it can: inside the old write-behind window (events reached clients
 * up to 100 ms before they were stored).
 */
class KillNineDurabilityTest {
    private static final String USER = "durability-user-0001";

    @TempDir
    Path tmp;

    @Test
    void everyEventAClientReceivedSurvivesKillNineAndNoSeqIsGivenToAnotherEvent() throws Exception {
        Path data = tmp.resolve("data");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 4000; i++) {
            text.append("Line ").append(i).append(": TODO fill in this part.\n");
        }
        List<SseEvent> seen = new ArrayList<>();
        String taskId;
        try (ServerProcess server = ServerProcess.start(data, List.of("-Xmx256m"), List.of(), Map.of())) {
            var upload = server.upload(USER, "todo.txt", text.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
            String documentId = Json.mapper().readTree(upload.body()).get("document_id").asText();
            EventStream stream = server.stream(USER, Json.write(Map.of("message", "find TODO markers",
                    "task_type", "DOC_ANNOTATE", "document_id", documentId)));
            // Read until the task is well into its annotations, then kill the server at once.
            SseEvent event;
            while ((event = stream.next(Duration.ofSeconds(60))) != null) {
                seen.add(event);
                if (event.terminal()) {
                    break;
                }
                if (seen.stream().filter(e -> e.type().equals("annotation")).count() >= 300) {
                    server.kill9();
                    break;
                }
            }
            // What the reader had already received when the server died is also seen.
            while ((event = stream.next(Duration.ofSeconds(5))) != null) {
                seen.add(event);
            }
            assertThat(seen.get(seen.size() - 1).terminal()).as("the kill came before the task ended").isFalse();
            taskId = seen.get(0).data().get("task_id").asText();
        }
        long lastSeen = seen.get(seen.size() - 1).id();

        try (ServerProcess restarted = ServerProcess.start(data, List.of("-Xmx256m"), List.of(), Map.of())) {
            List<SseEvent> replay = restarted.events(USER, taskId, 0).readToEnd(Duration.ofSeconds(30));
            Map<Long, SseEvent> stored = new LinkedHashMap<>();
            replay.forEach(e -> stored.put(e.id(), e));
            assertThat(stored).as("the replay has no gaps or repeats").hasSize(replay.size());
            for (SseEvent received : seen) {
                SseEvent after = stored.get(received.id());
                assertThat(after).as("event %d the client received is stored (last seen %d, stored up to %d)",
                        received.id(), lastSeen, replay.get(replay.size() - 1).id()).isNotNull();
                assertThat(after.type()).isEqualTo(received.type());
                assertThat(after.rawData()).as("seq %d names the same event", received.id()).isEqualTo(received.rawData());
            }
            SseEvent last = replay.get(replay.size() - 1);
            assertThat(last.type()).isEqualTo("shutdown");
            assertThat(last.id()).as("recovery numbers its event after everything a client saw").isGreaterThan(lastSeen);
        }
    }
}
