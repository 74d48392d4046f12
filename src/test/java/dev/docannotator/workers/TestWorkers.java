package dev.docannotator.workers;

import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.TestServer;
import java.util.List;
import java.util.Map;

/** What the tests against real worker processes share: their settings, and a task that keeps a worker busy. */
final class TestWorkers {
    private TestWorkers() {
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
