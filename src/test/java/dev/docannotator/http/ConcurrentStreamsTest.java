package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConcurrentStreamsTest {
    private static final int STREAMS = 150;

    @Test
    void hundredsOfStreamsWithRandomCancelsAndDisconnectsLeaveNoWorkOrFilesBehind() throws Exception {
        SteppedEngine stepped = new SteppedEngine();
        stepped.analyse.delay(1);
        Random random = new Random(42);
        try (TestServer server = TestServer.start(
                s -> s.withAdmission(2, STREAMS, 3).withTimings(Duration.ofMillis(100), Duration.ofMillis(300),
                        Duration.ofSeconds(10)),
                b -> b.engine(stepped.engine(DocumentLimits.defaults())))) {
            String content = stepped.document(120, 4);
            Map<String, String> outcomes = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(STREAMS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                int behaviour = random.nextInt(3);
                String user = TestServer.newUser();
                done.add(clients.submit(() -> {
                    Multipart form = new Multipart().field("message", "find TODO")
                            .file("file", "doc.txt", content.getBytes());
                    EventStream stream = server.open(server.request("/api/chat/stream", user)
                            .timeout(Duration.ofMinutes(2)).header("Content-Type", form.contentType())
                            .POST(form.publisher()).build());
                    SseEvent first = stream.next();
                    String taskId = first.data().get("task_id").asText();
                    switch (behaviour) {
                        case 0 -> {
                            assertThat(server.post("/api/tasks/" + taskId + "/cancel", user).statusCode()).isIn(200, 409);
                            List<SseEvent> rest = stream.readToEnd();
                            outcomes.put(taskId, rest.get(rest.size() - 1).type());
                        }
                        case 1 -> {
                            stream.close();
                            outcomes.put(taskId, "dropped");
                        }
                        default -> {
                            List<SseEvent> rest = stream.readToEnd();
                            outcomes.put(taskId, rest.get(rest.size() - 1).type());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();

            assertThat(outcomes).hasSize(STREAMS);
            assertThat(outcomes.values()).allMatch(o -> List.of("result", "cancelled", "dropped").contains(o));

            // Dropped clients' tasks end by themselves (finished, or cancelled after the grace period).
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((server.app().tasks().runningTasks() > 0 || openStreams(server) > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.app().tasks().runningTasks()).isZero();
            assertThat(openStreams(server)).isZero();
            assertThat(workerThreadsInsideATask()).isEmpty();
            assertThat(listFiles(server.dataDir().resolve("uploads"))).isEmpty();
            assertThat(listFiles(server.dataDir())).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
            long completed = outcomes.values().stream().filter("result"::equals).count();
            assertThat(listFiles(server.dataDir().resolve("results")).size()).isGreaterThanOrEqualTo((int) completed);
        }
    }

    private static double openStreams(TestServer server) {
        return server.app().meterRegistry().find("annotator_open_streams").gauges().stream()
                .mapToDouble(g -> g.value()).sum();
    }

    private static List<String> workerThreadsInsideATask() {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("task-worker-")) {
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().startsWith("dev.docannotator.tasks.TaskWorker")) {
                        busy.add(thread.getName());
                        break;
                    }
                }
            }
        });
        return busy;
    }

    private static List<Path> listFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
