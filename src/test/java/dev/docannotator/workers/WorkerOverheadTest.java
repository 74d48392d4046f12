package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.tasks.TaskRun;
import dev.docannotator.tasks.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-task cost of running a document in a warm worker process rather than in the server's thread: the same
 * task, driven step by step exactly as the task worker drives it (every step, its events, the final checkpoint),
 * alternately through the in-process runner and a warm worker; the overhead is the difference of the medians.
 * A timing test (wall clock on a shared machine): run with {@code -DexcludedTestGroups=none}; figures in BENCHMARKS.md.
 */
@Tag("timing")
class WorkerOverheadTest {
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 60;

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private final List<Long>[][] phases = new List[][] {
            {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()},
            {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()}};

    @Test
    void aWarmWorkerAddsAtMostTwentyMillisecondsPerTask() throws Exception {
        Path document = tmp.resolve("doc.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("Paragraph ").append(i).append(" describes the system. TODO check the figures here.\n\n");
        }
        Files.writeString(document, text);
        TaskRunner inProcess = TaskRunner.inProcess(Engines.createDefault(DocumentLimits.defaults()));
        WorkerSupervisor workers = TestWorkers.startedSupervisor();
        try {
            int[] events = new int[2];
            Paired times = alternately(ROUNDS, i -> run(inProcess, document, i, events, 0),
                    i -> run(workers, document, i, events, 1));
            System.out.printf(Locale.ROOT, "per task (%d events): %s%n", events[1] / (WARM_UP + ROUNDS),
                    times.describe("worker process"));
            for (int k = 0; k < 2; k++) {
                System.out.printf(Locale.ROOT, "%s: start %.2f ms, steps %.2f ms, close %.2f ms (medians)%n",
                        k == 0 ? "in-process" : "worker", median(phases[k][0]) / 1e6, median(phases[k][1]) / 1e6,
                        median(phases[k][2]) / 1e6);
            }
            assertThat(events[1]).isEqualTo(events[0]);
            assertThat(times.overheadMillis()).isLessThanOrEqualTo(20.0);
        } finally {
            workers.close();
        }
    }

    /**
     * The per-upload cost of checking an upload in the validator process rather than in the server: the same small
     * DOCX and TXT admitted alternately in-process and through a warm validator; the overhead is the difference of
     * the medians.
     */
    @Test
    void anUploadCheckedInAWarmValidatorCostsAFewMillisecondsMore() throws Exception {
        Path txt = tmp.resolve("upload.txt");
        Files.writeString(txt, "A short note. TODO check the figures.\n".repeat(40));
        Path docx = tmp.resolve("upload.docx");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             var out = Files.newOutputStream(docx)) {
            for (int i = 0; i < 40; i++) {
                document.createParagraph().createRun().setText("Paragraph " + i + " describes the system.");
            }
            document.write(out);
        }
        TaskRunner inProcess = TaskRunner.inProcess(Engines.createDefault(DocumentLimits.defaults()));
        WorkerSupervisor workers = TestWorkers.startedSupervisor();
        try {
            List<Double> overheads = new ArrayList<>();
            for (Path upload : List.of(txt, docx)) {
                Paired times = alternately(2 * ROUNDS, i -> admit(inProcess, upload), i -> admit(workers, upload));
                System.out.printf(Locale.ROOT, "upload check of %s (%d bytes): %s%n", upload.getFileName(),
                        Files.size(upload), times.describe("validator process"));
                overheads.add(times.overheadMillis());
            }
            assertThat(overheads).allMatch(overhead -> overhead <= 20.0);
        } finally {
            workers.close();
        }
    }

    /** Wall times of the same work done in-process and in a worker process, measured alternately (ns). */
    private record Paired(List<Long> inProcess, List<Long> worker) {
        double overheadMillis() {
            return (median(worker) - median(inProcess)) / 1e6;
        }

        String describe(String process) {
            return String.format(Locale.ROOT, "in-process median %.2f ms p90 %.2f ms; %s median %.2f ms p90 %.2f ms; "
                            + "overhead %.2f ms (median), %d rounds", median(inProcess) / 1e6, pct(inProcess, 0.9) / 1e6,
                    process, median(worker) / 1e6, pct(worker, 0.9) / 1e6, overheadMillis(), inProcess.size());
        }
    }

    /**
     * Runs round {@code i} in-process then in the worker, {@link #WARM_UP} rounds unrecorded and then {@code rounds}
     * recorded; each function returns its own wall time in ns.
     */
    private static Paired alternately(int rounds, IntToLongFunction inProcess, IntToLongFunction worker) {
        List<Long> local = new ArrayList<>();
        List<Long> remote = new ArrayList<>();
        for (int i = 0; i < WARM_UP + rounds; i++) {
            long a = inProcess.applyAsLong(i);
            long b = worker.applyAsLong(i);
            if (i >= WARM_UP) {
                local.add(a);
                remote.add(b);
            }
        }
        return new Paired(local, remote);
    }

    /**
     * The first upload a freshly started validator checks: without the readers loaded before the validator says it
     * is ready, the first DOCX after every start or recycle paid the loading of POI (hundreds of milliseconds, and
     * past the validation time limit on a busy machine).
     */
    @Test
    void theFirstUploadAfterAStartFindsTheReadersLoaded() throws Exception {
        Path docx = tmp.resolve("first.docx");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             var out = Files.newOutputStream(docx)) {
            for (int i = 0; i < 40; i++) {
                document.createParagraph().createRun().setText("Paragraph " + i + " describes the system.");
            }
            document.write(out);
        }
        WorkerSupervisor workers = TestWorkers.startedSupervisor();
        try {
            double first = admit(workers, docx) / 1e6;
            List<Long> next = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                next.add(admit(workers, docx));
            }
            double nextMedian = median(next) / 1e6;
            System.out.printf(Locale.ROOT, "first DOCX check after a start %.2f ms; the next 20: median %.2f ms%n",
                    first, nextMedian);
            assertThat(first).isLessThanOrEqualTo(10 * nextMedian + 100);
        } finally {
            workers.close();
        }
    }

    private static long admit(TaskRunner runner, Path upload) {
        long t0 = System.nanoTime();
        DocumentFormat format = runner.admit(upload, upload.getFileName().toString(), Locale.ENGLISH);
        long elapsed = System.nanoTime() - t0;
        assertThat(format).isIn(DocumentFormat.TXT, DocumentFormat.DOCX);
        return elapsed;
    }

    private long run(TaskRunner runner, Path document, int i, int[] events, int slot) {
        PipelineInput input = new PipelineInput(document, DocumentFormat.TXT, "find TODO markers",
                tmp.resolve("out-" + slot + ".txt"));
        long t0 = System.nanoTime();
        try (TaskRun run = runner.start("task-" + slot + "-" + i, input, null, Locale.ENGLISH, () -> false)) {
            phases[slot][0].add(System.nanoTime() - t0);
            long s0 = System.nanoTime();
            while (run.hasNext()) {
                run.next(event -> {
                    events[slot]++;
                    if (event instanceof PipelineEvent.Completed) {
                        run.checkpoint();
                    }
                });
            }
            phases[slot][1].add(System.nanoTime() - s0);
            s0 = System.nanoTime();
            run.close();
            phases[slot][2].add(System.nanoTime() - s0);
        }
        return System.nanoTime() - t0;
    }

    private static double median(List<Long> values) {
        return pct(values, 0.5);
    }

    private static double pct(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
