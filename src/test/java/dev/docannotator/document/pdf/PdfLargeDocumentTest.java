package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLargeDocumentTest {
    private static final int PAGES = 200;
    private static final int LINES_PER_PAGE = 40;
    private static final int HIGHLIGHTS = 300;

    @TempDir
    Path dir;

    @Test
    void twoHundredPagesAreReadAndGetThreeHundredHighlightsWithinAGenerousBound() throws IOException {
        PageSpec[] pages = new PageSpec[PAGES];
        for (int p = 0; p < PAGES; p++) {
            List<String> lines = new ArrayList<>();
            for (int l = 0; l < LINES_PER_PAGE; l++) {
                lines.add("Line " + (l + 1) + " of page " + (p + 1) + ": the committee shall review the annual report.");
            }
            pages[p] = new PageSpec(lines, 0, null);
        }
        Path input = TestPdfs.write(dir.resolve("large.pdf"), pages);
        Path output = dir.resolve("large.annotated.pdf");
        PdfHandler handler = new PdfHandler(DocumentLimits.defaults());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        ExtractedText text = PdfReadTest.readAll(handler, input);
        long read = System.nanoTime();
        List<Annotation> annotations = everyNthCommittee(text);
        try (ApplySession session = handler.openForApply(input, text)) {
            for (int from = 0; from < annotations.size(); from += 50) {
                session.apply(annotations.subList(from, Math.min(annotations.size(), from + 50)));
            }
            session.save(output);
        }
        long done = System.nanoTime();
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted);

        Duration readTime = Duration.ofNanos(read - started);
        Duration applyTime = Duration.ofNanos(done - read);
        System.out.printf("PDF %d pages, %d chars: read %d ms, %d highlights applied and saved %d ms (wall); %d ms CPU%n",
                PAGES, text.text().length(), readTime.toMillis(), annotations.size(), applyTime.toMillis(),
                cpu.toMillis());
        assertThat(text.blocks().stream().map(TextBlock::page).distinct()).hasSize(PAGES);
        // CPU time of this thread: on a shared build machine the wall time mostly measures the other processes.
        assertThat(cpu).isLessThan(Duration.ofSeconds(30));
        assertThat(countHighlights(output)).isEqualTo(HIGHLIGHTS);
    }

    private static List<Annotation> everyNthCommittee(ExtractedText text) {
        List<Integer> starts = new ArrayList<>();
        for (int at = text.text().indexOf("committee"); at >= 0; at = text.text().indexOf("committee", at + 1)) {
            starts.add(at);
        }
        int step = starts.size() / HIGHLIGHTS;
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < HIGHLIGHTS; i++) {
            int start = starts.get(i * step);
            annotations.add(new Annotation("a" + (i + 1), start, start + 9, "committee", null, null,
                    "style", "info", "Say who exactly.", "the board", "test-rule"));
        }
        return annotations;
    }

    private static int countHighlights(Path output) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationHighlight highlight
                            && HighlightWriter.TITLE.equals(highlight.getTitlePopup())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
