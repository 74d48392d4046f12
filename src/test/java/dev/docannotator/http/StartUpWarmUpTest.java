package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.Application;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The request path is warmed up through the server's own port before {@code /ready} says 200, and leaves nothing
 * behind: no task or document in the database or on disk, no first-event time or stream outcome in the metrics.
 */
class StartUpWarmUpTest {
    private static final int STREAMS = 12;

    @Test
    void readyIsAnsweredOnlyOnceTheWarmUpRanAndItLeavesNoTaskDocumentOrMeasurement() throws Exception {
        try (TestServer server = TestServer.start(s -> s, b -> b.warmUpStreams(STREAMS))) {
            Application app = server.app();
            List<Integer> answers = new ArrayList<>();
            int runAtFirstReady = -1;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> ready = server.get("/ready", TestServer.newUser());
                answers.add(ready.statusCode());
                if (ready.statusCode() == 503) {
                    assertThat(ready.body()).contains("starting"); // not "stopping"
                }
                if (ready.statusCode() == 200) {
                    runAtFirstReady = app.warmUp().streamsRun();
                    break;
                }
                Thread.sleep(5);
            }

            assertThat(answers).last().isEqualTo(200);
            assertThat(answers).allMatch(code -> code == 503 || code == 200);
            // The first 200 came once every warm-up stream had run to its end.
            assertThat(runAtFirstReady).isEqualTo(STREAMS);
            assertThat(app.tasks().store().tasks().countByStatusAndPausable().values())
                    .allMatch(count -> count == 0);
            assertThat(filesUnder(server.dataDir().resolve("documents"))).isEmpty();
            assertThat(app.meterRegistry().find("annotator_time_to_first_event").timers()).isEmpty();
            assertThat(app.meterRegistry().find("annotator_stream_outcomes").counters()).isEmpty();

            // A user's own stream afterwards is measured as always.
            String user = TestServer.newUser();
            String doc = server.upload(user, "notes.txt", "The supplier shall deliver soon.\n")
                    .get("document_id").asText();
            server.stream(user, Map.of("document_id", doc, "message", "")).readToEnd();
            assertThat(app.meterRegistry().find("annotator_time_to_first_event").timer().count()).isEqualTo(1);
        }
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
