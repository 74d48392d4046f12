package dev.docannotator.workers;

import dev.docannotator.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Misbehaviour on demand, for the tests of supervision only: enabled in a worker by the system property
 * {@code docannotator.worker.testHooks=true} or the environment variable {@code ANNOTATOR_WORKER_TEST_HOOKS=1}, and
 * triggered by a marker in the task's requirement, or in an upload's filename for its check. Without the switch the
 * markers are ordinary text.
 */
final class TestHooks {
    /** Allocates without bound in the analyse stage: the worker runs out of memory. */
    static final String OOM = "[[worker-test:oom]]";
    /** Never returns from the first analyse step: the worker overruns the task time limit. */
    static final String HANG = "[[worker-test:hang]]";
    /** Every step takes 300 ms more: a task that is reliably in the middle when a test strikes. */
    static final String SLOW = "[[worker-test:slow]]";

    @SuppressWarnings("unused")
    private static volatile Object sink;

    private TestHooks() {
    }

    /** Before an upload named {@code filename} is checked: {@link #OOM} or {@link #HANG} there strike the check. */
    static void beforeValidate(String filename) {
        if (filename == null) {
            return;
        }
        if (filename.contains(OOM)) {
            exhaustMemory();
        }
        if (filename.contains(HANG)) {
            while (true) {
                pause(60_000);
            }
        }
    }

    private static void exhaustMemory() {
        List<byte[]> hoard = new ArrayList<>();
        sink = hoard;
        while (true) {
            hoard.add(new byte[1024 * 1024]);
        }
    }

    static void beforeStep(String requirement, Stage stage) {
        if (requirement == null) {
            return;
        }
        if (requirement.contains(SLOW)) {
            pause(300);
        }
        if (stage != Stage.ANALYSE) {
            return;
        }
        if (requirement.contains(OOM)) {
            exhaustMemory();
        }
        if (requirement.contains(HANG)) {
            while (true) {
                pause(60_000);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
