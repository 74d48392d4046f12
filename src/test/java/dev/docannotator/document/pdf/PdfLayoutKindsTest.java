package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.BlockTexts;
import dev.docannotator.document.BlockTexts.Kinded;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.pdf.LaidOutPdf.Face;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;

/**
 * What the layout of a PDF page says a block is, beyond the paragraphs PDFBox finds by line spacing: a heading set
 * close above its text, a table row's cells, code in a fixed-pitch font whose name hides it.
 */
class PdfLayoutKindsTest extends PdfTestCase {
    private static final String[] POLICY = {
        "This policy applies to every employee who travels on company business and to the",
        "managers who approve their expense claims before the finance team pays them."};

    private static String policy() {
        return String.join(" ", POLICY);
    }

    @Test
    void aLargerHeadingSetCloseAboveItsTextIsAHeadingBlockOfItsOwn() throws IOException {
        Path file = new LaidOutPdf().page()
                .run(Face.BOLD, 16, 50, 80, "2.1 Scope")
                .body(50, 100, POLICY)
                .write(dir.resolve("heading.pdf"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("2.1 Scope", BlockKind.HEADING), new Kinded(policy(), BlockKind.PROSE));
    }

    @Test
    void aShortBoldLineOverTextOfTheSameSizeIsAHeading() throws IOException {
        Path file = new LaidOutPdf().page()
                .run(Face.BOLD, 10, 50, 88, "Eligibility")
                .body(50, 100, POLICY)
                .write(dir.resolve("bold.pdf"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("Eligibility", BlockKind.HEADING), new Kinded(policy(), BlockKind.PROSE));
    }

    @Test
    void aShortLineNumberedLikeASectionIsAHeadingEvenInTheTextsOwnFont() throws IOException {
        Path file = new LaidOutPdf().page()
                .body(50, 88, "3.2 Reporting an incident")
                .body(50, 100, POLICY)
                .write(dir.resolve("numbered.pdf"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("3.2 Reporting an incident", BlockKind.HEADING), new Kinded(policy(), BlockKind.PROSE));
    }

    @Test
    void aLineThatGoesOnWithTheSentenceIsNotTakenForAHeading() throws IOException {
        Path file = new LaidOutPdf().page()
                .body(50, 88, "Claims are paid within 10 days of approval, and managers check each one against",
                        "2 receipts at least.")
                .write(dir.resolve("sentence.pdf"));

        assertThat(readKinds(file)).containsExactly(new Kinded(
                "Claims are paid within 10 days of approval, and managers check each one against 2 receipts at least.",
                BlockKind.PROSE));
    }

    @Test
    void theWordsOfATableRowStandingInColumnsAreTableCells() throws IOException {
        LaidOutPdf pdf = new LaidOutPdf().page().body(50, 80, "The fees are listed below.");
        String[][] rows = {{"Plan", "Monthly fee", "Setup fee"}, {"Basic", "10 USD", "none"}, {"Premium", "25 USD", "none"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                pdf.run(Face.REGULAR, 10, 50 + 150 * c, 104 + 12 * r, rows[r][c]);
            }
        }

        List<Kinded> blocks = BlockTexts.withKinds(PdfReadTest.readAll(handler, pdf.write(dir.resolve("table.pdf"))));

        assertThat(blocks).first().isEqualTo(new Kinded("The fees are listed below.", BlockKind.PROSE));
        assertThat(blocks.subList(1, blocks.size())).containsExactly(
                new Kinded("Plan", BlockKind.TABLE_CELL), new Kinded("Monthly fee", BlockKind.TABLE_CELL),
                new Kinded("Setup fee", BlockKind.TABLE_CELL), new Kinded("Basic", BlockKind.TABLE_CELL),
                new Kinded("10 USD", BlockKind.TABLE_CELL), new Kinded("none", BlockKind.TABLE_CELL),
                new Kinded("Premium", BlockKind.TABLE_CELL), new Kinded("25 USD", BlockKind.TABLE_CELL),
                new Kinded("none", BlockKind.TABLE_CELL));
    }

    @Test
    void codeInNimbusMonoLIsCodeThoughTheFontsNameDoesNotSayMono() throws IOException {
        Path file = new LaidOutPdf().page()
                .body(50, 80, "And to read from a compressed file:")
                .run(Face.NIMBUS_MONO, 10, 60, 110, "f = fopen ( \"myfile.bz2\", \"r\" );")
                .run(Face.NIMBUS_MONO, 10, 60, 122, "if ( !f ) { /* handle error */ }")
                .write(dir.resolve("code.pdf"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("And to read from a compressed file:", BlockKind.PROSE),
                new Kinded("f = fopen ( \"myfile.bz2\", \"r\" ); if ( !f ) { /* handle error */ }", BlockKind.CODE));
    }

    @Test
    void aCodeLineSetCloseUnderTheSentenceAnnouncingItIsCodeOfItsOwn() throws IOException {
        Path file = new LaidOutPdf().page()
                .body(50, 80, "For a stdio-free library, assertion failures result in a call to a function declared as:")
                .run(Face.NIMBUS_MONO, 10, 68, 92, "extern void bz_internal_error ( int errcode );")
                .write(dir.resolve("declared.pdf"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("For a stdio-free library, assertion failures result in a call to a function declared as:",
                        BlockKind.PROSE),
                new Kinded("extern void bz_internal_error ( int errcode );", BlockKind.CODE));
    }

    @Test
    void aWrappedSentenceWhoseNextLineIsAnIdentifierInCodeTypeStaysOneParagraph() throws IOException {
        Path file = new LaidOutPdf().page()
                .body(50, 80, "When the stream has ended and all of its output has been collected, the caller passes it to")
                .run(Face.NIMBUS_MONO, 10, 50, 92, "BZ2_bzDecompressEnd")
                .write(dir.resolve("wrapped.pdf"));

        assertThat(readKinds(file)).containsExactly(new Kinded(
                "When the stream has ended and all of its output has been collected, the caller passes it to "
                        + "BZ2_bzDecompressEnd", BlockKind.PROSE));
    }

    @Test
    void anAccentDrawnFromAnotherFontDoesNotTurnAnXmlExampleIntoProse() throws IOException {
        String before = "<comment xml:lang=\"af\">verskille tussen l";
        Path file = new LaidOutPdf().page()
                .body(50, 80, "Here is an example source file, named diff.xml:")
                .run(Face.NIMBUS_MONO, 10, 60, 110, "<mime-type type=\"text/x-diff\">")
                .run(Face.NIMBUS_MONO, 10, 60, 122, before)
                .run(Face.REGULAR, 6, 60 + 6 * before.length(), 122, "e")
                .run(Face.NIMBUS_MONO, 10, 66 + 6 * before.length(), 122, "ers</comment>")
                .run(Face.NIMBUS_MONO, 10, 60, 134, "</mime-type>")
                .write(dir.resolve("xml.pdf"));

        assertThat(readKinds(file)).extracting(Kinded::kind)
                .containsExactly(BlockKind.PROSE, BlockKind.CODE);
    }

    @Test
    void highlightsOnAHeadingAndATableCellLandOnExactlyTheirWords() throws IOException {
        LaidOutPdf pdf = new LaidOutPdf().page().run(Face.BOLD, 16, 50, 80, "2.1 Scope").body(50, 100, POLICY);
        String[][] rows = {{"Plan", "Monthly fee"}, {"Basic", "10 USD"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 2; c++) {
                pdf.run(Face.REGULAR, 10, 50 + 150 * c, 150 + 12 * r, rows[r][c]);
            }
        }
        Path input = pdf.write(dir.resolve("mixed.pdf"));
        ExtractedText text = PdfReadTest.readAll(handler, input);
        int scope = text.text().indexOf("Scope");
        int fee = text.text().indexOf("10 USD");
        List<Annotation> annotations = List.of(
                new Annotation("a1", scope, scope + 5, "Scope", 1, 1, "terms", "info", "Term.", null, "terms/requested"),
                new Annotation("a2", fee, fee + 6, "10 USD", 1, 6, "terms", "info", "Term.", null, "terms/requested"));
        for (Annotation a : annotations) {
            assertThat(text.text().substring(a.start(), a.end())).isEqualTo(a.quote());
        }

        List<PDAnnotationHighlight> highlights =
                TestPdfs.highlightsAfterApply(handler, input, text, annotations, dir.resolve("mixed-out.pdf"), 0);

        assertThat(highlights).hasSize(2);
        float[] heading = highlights.get(0).getQuadPoints();
        float[] cell = highlights.get(1).getQuadPoints();
        assertThat(heading).as("one quad on the heading line").hasSize(8);
        assertThat(cell).as("one quad in the cell").hasSize(8);
        assertThat(cell[0]).as("the cell's quad starts in the second column").isGreaterThan(190);
        assertThat(heading[0]).as("the heading's quad starts after '2.1 '").isGreaterThan(70).isLessThan(90);
    }
}
