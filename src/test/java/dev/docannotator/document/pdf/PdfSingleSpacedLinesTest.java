package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real two-column paper set in Word's Times New Roman at single spacing (the first page of Apache Tika's
 * {@code testJournalParser.pdf}): PDFBox's glyph height for that font is under half the type size, so its own rule
 * made every line a paragraph. Lines one ordinary line apart at the same left edge after a full line are one paragraph.
 */
class PdfSingleSpacedLinesTest {
    private static final Path PAPER = Path.of("src/test/resources/public-documents/journal-page1.pdf");
    private final PdfHandler handler = new PdfHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    private static List<String> blockTexts(ExtractedText text) {
        return text.blocks().stream().map(text::blockText).toList();
    }

    @Test
    void singleSpacedLinesOfAColumnAreOneParagraphAndAShortLastLineEndsIt() {
        ExtractedText text = PdfReadTest.readAll(handler, PAPER);

        assertThat(blockTexts(text)).contains("Keywords: multi-microrobot systems control, MEMS, underactuated system.",
                "I. INTRODUCTION");
        assertThat(blockTexts(text)).anySatisfy(block -> assertThat(block)
                .startsWith("Microscale robotic systems have many applications in areas such as biomedicine [1], "
                        + "surveillance [2], or microassembly [3].")
                .endsWith("and a steering-arm actuator which controls when the robot moves in straight line or turns."));
        // the next paragraph starts at the column's edge, not indented: the short line before it ends the paragraph
        assertThat(blockTexts(text)).anySatisfy(block -> assertThat(block)
                .startsWith("All these envisioned microrobotic applications rely on the combined actions"));
        assertThat(text.blocks().size()).as("paragraphs, not 90 lines").isLessThan(25);
    }

    @Test
    void aHighlightOnASentenceAcrossJoinedLinesLandsOnEachOfItsLines() throws IOException {
        ExtractedText text = PdfReadTest.readAll(handler, PAPER);
        String quote = "A MicroStressBot is an electrostatic microrobot that consists of an untethered scratch drive "
                + "actuator (USDA)";
        int start = text.text().indexOf(quote);
        assertThat(start).isNotNegative();
        Annotation a = new Annotation("a1", start, start + quote.length(), quote, 1, 1, "long_sentence", "info",
                "Long sentence.", null, "long_sentence");
        assertThat(text.text().substring(a.start(), a.end())).isEqualTo(a.quote());

        Path output = dir.resolve("paper-out.pdf");
        List<PDAnnotationHighlight> highlights =
                TestPdfs.highlightsAfterApply(handler, PAPER, text, List.of(a), output, 0);
        assertThat(highlights).hasSize(1);
        assertThat(highlights.get(0).getQuadPoints()).as("one quad for each of the three lines").hasSize(24);
    }
}
