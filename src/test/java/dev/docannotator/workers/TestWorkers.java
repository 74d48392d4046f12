package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.Application;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.pipeline.RunLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the tests against real worker processes share: their settings, a server (or a supervisor alone) whose
 * workers are all ready, and a task that keeps a worker busy.
 */
final class TestWorkers {
    /** How long every worker and validator JVM may take to be ready (a loaded 2-core machine). */
    static final Duration START_LIMIT = Duration.ofSeconds(90);

    private TestWorkers() {
    }

    /**
     * A test server whose documents run in {@code taskWorkers} worker processes with {@code workers} (and whose
     * uploads are checked in its validators), with {@code more} applied to its builder; returns once every one of
     * them is ready.
     */
    static TestServer startServer(WorkerSettings workers, int taskWorkers, Consumer<Application.Builder> more) {
        TestServer server = TestServer.start(s -> s.withAdmission(taskWorkers, 16, 3), b -> {
            b.workers(workers);
            more.accept(b);
        });
        try {
            awaitEveryWorker(server);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The server's worker supervisor (it runs in process mode). */
    static WorkerSupervisor supervisor(TestServer server) {
        return server.app().workers().orElseThrow();
    }

    /** Waits until every wanted worker and validator of the server is ready (after a test replaced or stopped one). */
    static void awaitEveryWorker(TestServer server) {
        try {
            assertThat(supervisor(server).awaitReady(START_LIMIT)).as("every worker and validator is ready").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One worker and one validator outside any server (default settings, no grammar warm-up), started and ready. */
    static WorkerSupervisor startedSupervisor() throws InterruptedException {
        WorkerSupervisor workers = WorkerSupervisor.create(1, WorkerSettings.builder().warmUpGrammar(false).build(),
                DocumentLimits.defaults(), RunLimits.defaults(), null, null, new SimpleMeterRegistry(), Clock.systemUTC());
        workers.start();
        if (!workers.awaitReady(START_LIMIT.multipliedBy(2))) {
            workers.close();
            throw new AssertionError("the workers did not start within " + START_LIMIT.multipliedBy(2));
        }
        return workers;
    }

    /** Worker processes with a small heap, no grammar warm-up, and the test hooks on ({@link TestHooks}). */
    static WorkerSettings.Builder withTestHooks() {
        return WorkerSettings.builder().heapMb(128).warmUpGrammar(false)
                .jvmArgs(List.of("-D" + WorkerMain.TEST_HOOKS_PROPERTY + "=true"));
    }

    /** A task slowed down by the test hook, running in a worker: its stream has delivered the first annotation. */
    record SlowTask(String taskId, EventStream stream) {
    }

    /** Starts a slow task on {@code lines} lines with one TODO each, and waits until its worker found the first. */
    static SlowTask startSlowTask(TestServer server, String user, int lines) throws Exception {
        String doc = server.upload(user, "slow.txt", todos(lines)).get("document_id").asText();
        EventStream stream = server.stream(user, Map.of("document_id", doc, "task_type", "DOC_ANNOTATE",
                "message", "find TODO markers " + TestHooks.SLOW));
        String taskId = stream.next().data().get("task_id").asText();
        stream.awaitType("annotation");
        return new SlowTask(taskId, stream);
    }

    /** {@code count} lines, each with one TODO marker. */
    static String todos(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("Line ").append(i).append(": TODO fill in this part.\n");
        }
        return text.toString();
    }
}
