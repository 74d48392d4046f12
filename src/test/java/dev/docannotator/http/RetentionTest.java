package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.MutableClock;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void finishedTasksTheirDocumentsAndResultsAreRemovedAfterTheRetentionPeriod() throws Exception {
        SteppedEngine stepped = new SteppedEngine();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (TestServer server = TestServer.start(s -> s.withRetention(Duration.ofDays(7), Duration.ofHours(1)),
                b -> b.engine(stepped.engine(DocumentLimits.defaults())).clock(clock))) {
            String user = TestServer.newUser();
            String doc = server.upload(user, "a.txt", stepped.document(10, 5)).get("document_id").asText();
            String taskId = server.stream(user, Map.of("document_id", doc)).readToEnd().get(0).data().get("task_id").asText();
            Path result = server.dataDir().resolve("results").resolve(taskId + ".html");
            assertThat(result).exists();

            clock.advance(Duration.ofDays(6));
            server.app().tasks().cleanup();
            assertThat(server.get("/api/tasks/" + taskId, user).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofDays(2));
            server.app().tasks().cleanup();
            assertThat(server.get("/api/tasks/" + taskId, user).statusCode()).isEqualTo(404);
            assertThat(result).doesNotExist();
            assertThat(Files.exists(server.dataDir().resolve("documents").resolve(doc))).isFalse();
            assertThat(server.postJson("/api/chat/stream", user, "{\"document_id\":\"" + doc + "\"}").statusCode())
                    .isEqualTo(404);
        }
    }
}
