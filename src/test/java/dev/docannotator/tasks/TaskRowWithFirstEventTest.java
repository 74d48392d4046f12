package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new task's row is committed with its {@code task} event by the event writer, not on the stream request's path:
 * while the database's write connection is held elsewhere, a stream request is still admitted (its headers come back),
 * and the task is readable the moment its first event is.
 */
class TaskRowWithFirstEventTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);
    private final TestServer server = TestServer.start();
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStreamIsAdmittedWhileTheWriteConnectionIsBusyAndItsTaskIsStoredWithItsFirstEvent() throws Exception {
        String doc = server.upload(user, "doc.txt", "Line 1: TODO fill in.\nLine 2: TODO too.\n")
                .get("document_id").asText();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> server.app().database().write(c -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS)).isTrue();

        EventStream stream;
        try {
            // Before: the request inserted the row itself and waited here for the write connection.
            stream = CompletableFuture.supplyAsync(() -> server.stream(user, Map.of("document_id", doc,
                    "message", "find TODO markers"))).get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        writer.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);

        try (stream) {
            assertThat(stream.status()).isEqualTo(200);
            SseEvent first = stream.next();
            assertThat(first.type()).isEqualTo("task");
            String taskId = first.data().get("task_id").asText();
            // Stored with that event: a client that read it finds the task, in the list too.
            assertThat(server.get("/api/tasks/" + taskId, user).statusCode()).isEqualTo(200);
            assertThat(server.get("/api/tasks", user).body()).contains(taskId);
            List<SseEvent> rest = stream.readToEnd(LONG_ENOUGH);
            assertThat(rest.get(rest.size() - 1).type()).isEqualTo("result");
        }
        int taskEvents = server.app().database().read(c -> {
            try (var st = c.prepareStatement("SELECT count(*) FROM task_events WHERE type = 'task'");
                 var rs = st.executeQuery()) {
                return rs.getInt(1);
            }
        });
        assertThat(taskEvents).as("its task event was stored (the row was there when it was written)").isEqualTo(1);
    }
}
