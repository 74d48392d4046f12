package dev.docannotator.bench;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.pdf.PdfHandler;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Bytes allocated, thread CPU time and wall time of one PDF read, ours against Tika's text extraction, interleaved
 * in one JVM after warm-up. Not part of the throughput table: run by hand,
 * {@code java -cp ... dev.docannotator.bench.PdfReadCost <dir> <runs> <pages...>}.
 *
 * <p>Tika is measured twice: as configured by default, and with PDFBox's "suppress duplicate overlapping text"
 * switched on. The default skips that rule (a glyph drawn over an identical one, as in fake bold, is read twice);
 * our reader applies it ({@code DuplicateGlyphFilter}), so the second figure compares the same work.
 */
final class PdfReadCost {
    private final PdfHandler handler = new PdfHandler(DocumentLimits.defaults());
    private final AutoDetectParser tika = new AutoDetectParser();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One measured call: bytes allocated by this thread, its CPU time and wall time. */
    record Cost(long bytes, long cpuNanos, long wallNanos) {
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        PdfReadCost cost = new PdfReadCost();
        for (int i = 2; i < args.length; i++) {
            cost.compare(SampleDocuments.pdf(dir, Integer.parseInt(args[i])), Integer.parseInt(args[i]), runs);
        }
    }

    private void compare(Path file, int pages, int runs) throws Exception {
        for (int i = 0; i < 5; i++) {
            ours(file);
            tika(file, false);
            tika(file, true);
        }
        Cost[] ours = new Cost[runs];
        Cost[] tika = new Cost[runs];
        Cost[] tikaDeduplicating = new Cost[runs];
        for (int i = 0; i < runs; i++) {
            ours[i] = measure(() -> ours(file));
            tika[i] = measure(() -> tika(file, false));
            tikaDeduplicating[i] = measure(() -> tika(file, true));
        }
        System.out.printf(Locale.ROOT, "%d pages, n=%d: ours %.1f MB %.1f ms CPU %.1f ms wall | Tika %.1f MB %.1f ms CPU %.1f ms wall"
                        + " | ratio (median of per-run) bytes %.2f CPU %.2f wall %.2f%n",
                pages, runs, median(ours, c -> c.bytes()) / 1e6, median(ours, c -> c.cpuNanos()) / 1e6,
                median(ours, c -> c.wallNanos()) / 1e6, median(tika, c -> c.bytes()) / 1e6,
                median(tika, c -> c.cpuNanos()) / 1e6, median(tika, c -> c.wallNanos()) / 1e6,
                ratio(ours, tika, c -> c.bytes()), ratio(ours, tika, c -> c.cpuNanos()), ratio(ours, tika, c -> c.wallNanos()));
        System.out.printf(Locale.ROOT, "%d pages, n=%d: CPU ms ours %s | Tika %s | Tika with duplicate suppression %s"
                        + " | CPU ratio ours/Tika %s, ours/Tika with suppression %s%n",
                pages, runs, spread(ours, c -> c.cpuNanos() / 1e6), spread(tika, c -> c.cpuNanos() / 1e6),
                spread(tikaDeduplicating, c -> c.cpuNanos() / 1e6), ratioSpread(ours, tika),
                ratioSpread(ours, tikaDeduplicating));
    }

    /** Median with the lower and upper quartile: {@code 281 [262..300]}. */
    private static String spread(Cost[] costs, java.util.function.ToDoubleFunction<Cost> field) {
        double[] values = Arrays.stream(costs).mapToDouble(field).sorted().toArray();
        return quartiles(values, "%.1f");
    }

    /** Per-run CPU ratios of {@code ours} to {@code other}: median with the lower and upper quartile. */
    private static String ratioSpread(Cost[] ours, Cost[] other) {
        double[] ratios = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            ratios[i] = (double) ours[i].cpuNanos() / other[i].cpuNanos();
        }
        Arrays.sort(ratios);
        return quartiles(ratios, "%.2f");
    }

    private static String quartiles(double[] sorted, String format) {
        int n = sorted.length;
        return String.format(Locale.ROOT, format + " [" + format + ".." + format + "]", sorted[n / 2], sorted[n / 4],
                sorted[(3 * n) / 4]);
    }

    private Cost measure(Work work) throws Exception {
        long id = Thread.currentThread().getId();
        long bytes = threads.getThreadAllocatedBytes(id);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        long wallEnd = System.nanoTime();
        long cpuEnd = threads.getCurrentThreadCpuTime();
        return new Cost(threads.getThreadAllocatedBytes(id) - bytes, cpuEnd - cpu, wallEnd - wall);
    }

    private Object ours(Path file) {
        TextBuilder builder = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
        }
        return builder.build();
    }

    private Object tika(Path file, boolean suppressDuplicates) throws Exception {
        BodyContentHandler out = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        if (suppressDuplicates) {
            PDFParserConfig config = new PDFParserConfig();
            config.setSuppressDuplicateOverlappingText(true);
            context.set(PDFParserConfig.class, config);
        }
        try (InputStream in = Files.newInputStream(file)) {
            tika.parse(in, out, new Metadata(), context);
        }
        return out.toString();
    }

    private static double median(Cost[] costs, java.util.function.ToLongFunction<Cost> field) {
        double[] values = Arrays.stream(costs).mapToDouble(c -> field.applyAsLong(c)).sorted().toArray();
        return values[values.length / 2];
    }

    private static double ratio(Cost[] ours, Cost[] tika, java.util.function.ToLongFunction<Cost> field) {
        double[] ratios = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            ratios[i] = (double) field.applyAsLong(ours[i]) / field.applyAsLong(tika[i]);
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }
}
