package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.BlockTexts;
import dev.docannotator.document.ExtractedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;

/**
 * A real two-column paper set in Word's Times New Roman at single spacing (the first page of Apache Tika's
 * {@code testJournalParser.pdf}): PDFBox's glyph height for that font is under half the type size, so its own rule
 * made every line a paragraph. Lines one ordinary line apart at the same left edge after a full line are one paragraph.
 */
class PdfSingleSpacedLinesTest extends PdfTestCase {
    private static final Path PAPER = Path.of("src/test/resources/public-documents/journal-page1.pdf");

    @Test
    void singleSpacedLinesOfAColumnAreOneParagraphAndAShortLastLineEndsIt() {
        ExtractedText text = PdfReadTest.readAll(handler, PAPER);

        assertThat(BlockTexts.of(text)).contains("Keywords: multi-microrobot systems control, MEMS, underactuated system.",
                "I. INTRODUCTION");
        assertThat(BlockTexts.of(text)).anySatisfy(block -> assertThat(block)
                .startsWith("Microscale robotic systems have many applications in areas such as biomedicine [1], "
                        + "surveillance [2], or microassembly [3].")
                .endsWith("and a steering-arm actuator which controls when the robot moves in straight line or turns."));
        // the next paragraph starts at the column's edge, not indented: the short line before it ends the paragraph
        assertThat(BlockTexts.of(text)).anySatisfy(block -> assertThat(block)
                .startsWith("All these envisioned microrobotic applications rely on the combined actions"));
        assertThat(text.blocks().size()).as("paragraphs, not 90 lines").isLessThan(25);
    }

    @Test
    void aHighlightOnASentenceAcrossJoinedLinesLandsOnEachOfItsLines() throws IOException {
        ExtractedText text = PdfReadTest.readAll(handler, PAPER);
        String quote = "A MicroStressBot is an electrostatic microrobot that consists of an untethered scratch drive "
                + "actuator (USDA)";
        Annotation a = TestPdfs.finding(text, quote, "Long sentence.", null);

        Path output = dir.resolve("paper-out.pdf");
        List<PDAnnotationHighlight> highlights =
                TestPdfs.highlightsAfterApply(handler, PAPER, text, List.of(a), output, 0);
        assertThat(highlights).hasSize(1);
        assertThat(highlights.get(0).getQuadPoints()).as("one quad for each of the three lines").hasSize(24);
    }
}
