package dev.docannotator.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestPostgres;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.testsupport.WaitUntil;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real application started with a PostgreSQL URL runs a task entirely on PostgreSQL: upload, stream, cancel,
 * resume and result through HTTP, nothing of it in the embedded SQLite file, and everything served again by a
 * restarted instance whose local copies are gone.
 */
class ServeOnPostgresTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final String url = TestPostgres.freshDatabaseUrl();
    private final TestServer server = TestServer.start(
            s -> s.withTimings(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(10)),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())).databaseUrl(url));
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private static int count(SqlAccess db, String query) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private String status(String taskId) {
        return TestServer.json(server.get("/api/tasks/" + taskId, user)).get("status").asText();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void uploadStreamCancelResumeAndResultRunOnPostgresAndSurviveTheLossOfLocalFiles() throws Exception {
        String doc = server.upload(user, "notes.txt", stepped.document(300, 5)).get("document_id").asText();
        stepped.apply.close();
        stepped.apply.allow(1);
        EventStream first = server.stream(user, Map.of("document_id", doc, "message", "find TODO"));
        String taskId = first.next().data().get("task_id").asText();
        stepped.apply.awaitWaiting();

        HttpResponse<String> cancel = server.post("/api/tasks/" + taskId + "/cancel", user);
        assertThat(cancel.statusCode()).isEqualTo(200);
        List<SseEvent> firstEvents = new ArrayList<>();
        SseEvent event;
        do {
            event = first.next();
            firstEvents.add(event);
        } while (!event.type().equals("cancelled"));
        stepped.apply.open();
        WaitUntil.waitUntil("the task is cancelled", Duration.ofSeconds(10), () -> status(taskId).equals("cancelled"));

        EventStream resumed = server.resume(user, taskId);
        List<SseEvent> resumedEvents = resumed.readToEnd();
        assertThat(resumed.status()).as(String.join("\n", resumed.lines())).isEqualTo(200);
        assertThat(resumedEvents.get(0).id()).isEqualTo(event.id() + 1);
        assertThat(resumedEvents.get(resumedEvents.size() - 1).type()).isEqualTo("result");
        HttpResponse<String> result = server.get("/api/tasks/" + taskId + "/result", user);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("notes.annotated."));

        PostgresDatabase postgres = server.app().postgres().orElseThrow();
        assertThat(count(postgres, "SELECT count(*) FROM documents")).isEqualTo(1);
        assertThat(count(postgres, "SELECT count(*) FROM tasks WHERE status = 'completed'")).isEqualTo(1);
        assertThat(count(postgres, "SELECT count(*) FROM results")).isEqualTo(1);
        assertThat(count(postgres, "SELECT count(*) FROM task_events"))
                .isEqualTo(firstEvents.size() + 1 + resumedEvents.size());
        assertThat(count(server.app().database(), "SELECT count(*) FROM tasks")).isZero();
        assertThat(count(server.app().database(), "SELECT count(*) FROM documents")).isZero();

        // Another instance (here: this one restarted without its local copies) serves all of it from the database.
        server.stop();
        deleteTree(server.dataDir().resolve("documents"));
        deleteTree(server.dataDir().resolve("results"));
        deleteTree(server.dataDir().resolve("cache"));
        server.restart();
        assertThat(status(taskId)).isEqualTo("completed");
        assertThat(TestServer.json(server.get("/api/tasks", user)).get("tasks")).hasSize(1);
        HttpResponse<String> again = server.get("/api/tasks/" + taskId + "/result", user);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(result.body());
        List<SseEvent> replay = server.events(user, taskId, event.id()).readToEnd();
        assertThat(replay).containsExactlyElementsOf(resumedEvents);
        // The document can start another task here although its bytes were only in the database.
        List<SseEvent> rerun = server.stream(user, Map.of("document_id", doc)).readToEnd();
        assertThat(rerun.get(rerun.size() - 1).type()).isEqualTo("result");
    }
}
