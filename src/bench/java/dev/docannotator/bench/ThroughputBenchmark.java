package dev.docannotator.bench;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Pages and megabytes per second for read, analyse and apply on DOCX and PDF of 10, 100 and 500 pages, with the
 * read stage side by side with Apache Tika's text extraction of the same files in the same JVM.
 */
final class ThroughputBenchmark {
    private static final int WARMUP = 2;
    private static final int MEASURED = 5;
    /** Read vs Tika: pairs measured alternately; the ratio is the median of the per-pair ratios. */
    private static final int PAIRS = 9;

    private final DocumentLimits limits = DocumentLimits.defaults();
    private final Analyser analyser = new DefaultAnalyser();
    private final Engine engine = Engines.createDefault(limits);
    private final AutoDetectParser tika = new AutoDetectParser();

    /** One row of the results table; times are medians in milliseconds. */
    record Row(String format, int pages, long bytes, double readMs, double tikaMs, double readToTika, double analyseMs,
               double applyMs, double endToEndMs, int annotations) {
    }

    /** Medians of two pieces of work measured in alternating pairs, and the median of the per-pair ratios a / b. */
    private record Paired(double aMs, double bMs, double ratio) {
    }

    List<Row> run(Path dir, int[] pageCounts) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (DocumentFormat format : List.of(DocumentFormat.DOCX, DocumentFormat.PDF)) {
            DocumentHandler handler = format == DocumentFormat.DOCX ? new DocxHandler(limits) : new PdfHandler(limits);
            for (int pages : pageCounts) {
                Path file = format == DocumentFormat.DOCX ? SampleDocuments.docx(dir, pages) : SampleDocuments.pdf(dir, pages);
                rows.add(measure(format, handler, file, pages, dir));
                System.err.println("throughput: " + format.id() + " " + pages + " pages done");
            }
        }
        return rows;
    }

    private Row measure(DocumentFormat format, DocumentHandler handler, Path file, int pages, Path dir) throws Exception {
        Requirement requirement = analyser.parse("");
        ExtractedText text = read(handler, file);
        List<Annotation> annotations = analyse(text, requirement);
        // Interleaved, so that both see the same machine state (JIT, GC, other load) and the ratio is fair.
        Paired read = paired(() -> read(handler, file), () -> tikaExtract(file));
        double analyseMs = median(() -> analyse(text, requirement));
        Path out = dir.resolve("out." + format.outputExtension());
        double applyMs = median(() -> {
            Files.deleteIfExists(out);
            try (ApplySession session = handler.openForApply(file, text)) {
                for (int i = 0; i < annotations.size(); i += 50) {
                    session.apply(annotations.subList(i, Math.min(annotations.size(), i + 50)));
                }
                session.save(out);
            }
            return null;
        });
        double endToEndMs = median(() -> {
            Path result = dir.resolve("e2e." + format.outputExtension());
            DocumentFormat sniffed = engine.admit(file, file.getFileName().toString());
            try (PipelineRun run = engine.start(new PipelineInput(file, sniffed, "", result), null, Locale.ENGLISH)) {
                while (run.hasNext()) {
                    run.next();
                }
            }
            return null;
        });
        return new Row(format.id(), pages, Files.size(file), read.aMs(), read.bMs(), read.ratio(), analyseMs, applyMs,
                endToEndMs, annotations.size());
    }

    private ExtractedText read(DocumentHandler handler, Path file) {
        TextBuilder builder = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
        }
        return builder.build();
    }

    private List<Annotation> analyse(ExtractedText text, Requirement requirement) {
        List<Annotation> found = new ArrayList<>();
        try (AnalysisSession session = analyser.start(text, requirement)) {
            for (int i = 0; i < session.stepCount(); i++) {
                found.addAll(session.analyseStep(i));
            }
        }
        return found;
    }

    private String tikaExtract(Path file) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = Files.newInputStream(file)) {
            tika.parse(in, handler, new Metadata(), new ParseContext());
        }
        return handler.toString();
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    /** Runs {@code a} and {@code b} back to back PAIRS times (alternating which goes first) after a warm-up. */
    private static Paired paired(Work a, Work b) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            a.run();
            b.run();
        }
        double[] as = new double[PAIRS];
        double[] bs = new double[PAIRS];
        double[] ratios = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            boolean aFirst = i % 2 == 0;
            double first = time(aFirst ? a : b);
            double second = time(aFirst ? b : a);
            as[i] = aFirst ? first : second;
            bs[i] = aFirst ? second : first;
            ratios[i] = as[i] / bs[i];
        }
        return new Paired(middle(as), middle(bs), middle(ratios));
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double middle(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(Work work) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] times = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[MEASURED / 2];
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| format | pages | MB | read ms | Tika ms | read/Tika | read pages/s | analyse ms | analyse pages/s | apply ms | annotations | end-to-end ms |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f | %.2f | %.0f | %.1f | %.0f | %.1f | %d | %.1f |%n",
                    r.format(), r.pages(), r.bytes() / 1048576.0, r.readMs(), r.tikaMs(), r.readToTika(),
                    r.pages() / (r.readMs() / 1000), r.analyseMs(), r.pages() / (r.analyseMs() / 1000), r.applyMs(),
                    r.annotations(), r.endToEndMs()));
        }
        return sb.toString();
    }
}
