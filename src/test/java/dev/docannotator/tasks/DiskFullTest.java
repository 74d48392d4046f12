package dev.docannotator.tasks;

import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk while tasks run, made real with SQLite's own size limit ({@code PRAGMA max_page_count}): the database
 * answers SQLITE_FULL exactly as on a full disk.
 */
class DiskFullTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(s -> s, b -> b.engine(stepped.engine(DocumentLimits.defaults())));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private void limitDatabaseToItsCurrentSize(boolean limited) {
        server.app().database().write(c -> {
            long pages;
            try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                pages = rs.getLong(1);
            }
            try (var st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = " + (limited ? pages : 1_073_741_823L));
            }
            return null;
        });
    }

    @Test
    void whenTheDiskFillsReadyTurns503NewTasksGet507AndNothingIsLostOnceThereIsRoomAgain() throws Exception {
        String doc = server.upload(user, "doc.txt", stepped.document(2000, 2)).get("document_id").asText();
        stepped.analyse.close();
        EventStream stream = server.stream(user, Map.of("document_id", doc, "message", "find TODO"));
        String taskId = stream.next().data().get("task_id").asText();
        stepped.analyse.awaitWaiting();

        limitDatabaseToItsCurrentSize(true);
        stepped.analyse.open(); // a thousand annotation events that no longer fit

        waitUntil("/ready says 503", Duration.ofSeconds(10), () -> server.get("/ready", user).statusCode() == 503);
        // Not "stopping": the server is up and takes tasks again once there is room.
        assertThat(TestServer.json(server.get("/ready", user)).get("error").get("message").asText())
                .contains("cannot accept tasks right now").doesNotContain("stopping");
        HttpResponse<String> refused = server.postJson("/api/chat/stream", user,
                "{\"document_id\":\"" + doc + "\",\"message\":\"find TODO\"}");
        assertThat(refused.statusCode()).isEqualTo(507);
        assertThat(TestServer.json(refused).get("error").get("code").asText()).isEqualTo("insufficient_storage");
        assertThat(TestServer.json(refused).get("error").get("message").asText()).contains("disk is full");
        String metrics = server.get("/metrics", user).body();
        assertThat(metrics).contains("annotator_persistence_ok 0.0");
        assertThat(metrics).containsPattern("annotator_persistence_failures_total [1-9]");
        assertThat(server.app().tasks().persistence()).isEqualTo(PersistenceHealth.State.DISK_FULL);

        limitDatabaseToItsCurrentSize(false);
        List<SseEvent> rest = stream.readToEnd(Duration.ofSeconds(30));
        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        waitUntil("/ready says 200 again", Duration.ofSeconds(10), () -> server.get("/ready", user).statusCode() == 200);

        // Nothing half-written: the refused task left no row, and the stored log of the task that ran is whole.
        assertThat(TestServer.json(server.get("/api/tasks", user)).get("tasks")).hasSize(1);
        List<SseEvent> stored = server.events(user, taskId, 0).readToEnd(Duration.ofSeconds(30));
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).id()).isEqualTo(i + 1);
        }
        assertThat(stored.stream().filter(e -> e.type().equals("annotation"))).hasSize(1000);
    }
}
