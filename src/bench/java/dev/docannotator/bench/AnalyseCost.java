package dev.docannotator.bench;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Thread CPU time and bytes allocated of the analyse stage alone, on the throughput benchmark's sample document,
 * with the default requirement (as {@link ThroughputBenchmark} runs it): meant for a loaded machine, where wall time
 * says little. Prints per run the CPU ms, then the medians: CPU ms per run and per page, MB allocated, and the CPU
 * of the block steps together and of each document-wide step (named by the categories it reported), plus a digest
 * of every annotation so that a speed change can be checked not to change a finding. Not part of the benchmark
 * table: run by hand after {@code mvn -o -q -B test-compile -Pbenchmark -DskipBrowserSetup=true},
 * <pre>
 * mvn -o -q dependency:build-classpath -Pbenchmark -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.docannotator.bench.AnalyseCost \
 *     /tmp/analyse-cost docx 100 20
 * </pre>
 * (arguments: a directory for the sample, docx or pdf, pages, measured runs; 3 warm-up runs come first).
 */
final class AnalyseCost {
    private static final int WARMUP = 3;
    private final Analyser analyser = new DefaultAnalyser();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        boolean docx = !args[1].equalsIgnoreCase("pdf");
        int pages = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        DocumentLimits limits = DocumentLimits.defaults();
        DocumentHandler handler = docx ? new DocxHandler(limits) : new PdfHandler(limits);
        Path file = docx ? SampleDocuments.docx(dir, pages) : SampleDocuments.pdf(dir, pages);
        new AnalyseCost().measure(read(handler, file), pages, runs);
    }

    private static ExtractedText read(DocumentHandler handler, Path file) {
        TextBuilder builder = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
        }
        return builder.build();
    }

    private void measure(ExtractedText text, int pages, int runs) throws Exception {
        Requirement requirement = analyser.parse("");
        List<String> labels = new ArrayList<>();
        List<Annotation> first = null;
        for (int i = 0; i < WARMUP; i++) {
            List<Annotation> found = new ArrayList<>();
            once(text, requirement, found, null, labels);
            first = found;
        }
        long[] cpu = new long[runs];
        long[] bytes = new long[runs];
        long[][] steps = new long[runs][];
        for (int r = 0; r < runs; r++) {
            long tid = Thread.currentThread().getId();
            long bytesBefore = threads.getThreadAllocatedBytes(tid);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            List<Long> perStep = new ArrayList<>();
            once(text, requirement, new ArrayList<>(), perStep, null);
            cpu[r] = threads.getCurrentThreadCpuTime() - cpuBefore;
            bytes[r] = threads.getThreadAllocatedBytes(tid) - bytesBefore;
            steps[r] = perStep.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, "run %d: %.1f ms CPU%n", r + 1, cpu[r] / 1e6);
        }
        double cpuMs = median(cpu) / 1e6;
        System.out.printf(Locale.ROOT, "%d pages, %d blocks, %d annotations, n=%d: median %.1f ms CPU = %.3f ms/page"
                        + " (%.0f pages/s of one core), %.1f MB allocated%n",
                pages, text.blocks().size(), first.size(), runs, cpuMs, cpuMs / pages, pages / (cpuMs / 1000),
                median(bytes) / 1e6);
        for (int s = 0; s < labels.size(); s++) {
            long[] column = new long[runs];
            for (int r = 0; r < runs; r++) {
                column[r] = steps[r][s];
            }
            System.out.printf(Locale.ROOT, "  %-40s %8.1f ms CPU%n", labels.get(s), median(column) / 1e6);
        }
        System.out.println("annotations digest " + digest(first));
    }

    /**
     * One analysis; {@code perStep} (when given) gets the CPU of the block steps together, then of each document
     * step; {@code labels} (when given) gets their names.
     */
    private void once(ExtractedText text, Requirement requirement, List<Annotation> found, List<Long> perStep,
                      List<String> labels) {
        try (AnalysisSession session = analyser.start(text, requirement)) {
            int total = session.stepCount();
            int blockSteps = text.blocks().size(); // windows only for blocks over 4 000 characters: none here
            long blockCpu = 0;
            for (int i = 0; i < total; i++) {
                long before = threads.getCurrentThreadCpuTime();
                List<Annotation> step = session.analyseStep(i);
                long spent = threads.getCurrentThreadCpuTime() - before;
                found.addAll(step);
                if (i < blockSteps) {
                    blockCpu += spent;
                    continue;
                }
                if (i == blockSteps) {
                    add(perStep, blockCpu);
                    if (labels != null && labels.isEmpty()) {
                        labels.add("block steps (" + blockSteps + ")");
                    }
                }
                add(perStep, spent);
                if (labels != null && labels.size() <= i - blockSteps + 1) {
                    TreeSet<String> categories = new TreeSet<>();
                    step.forEach(a -> categories.add(a.category()));
                    labels.add("document step " + (i - blockSteps + 1) + " " + categories);
                }
            }
        }
    }

    private static void add(List<Long> list, long value) {
        if (list != null) {
            list.add(value);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String digest(List<Annotation> annotations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Annotation a : annotations) {
            sha.update((a + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
