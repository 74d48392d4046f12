package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PARAGRAPH_BREAK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.BlockTexts;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;

class PdfParagraphsTest extends PdfTestCase {
    @Test
    void endOfLineHyphensAreUndoneButACompoundTheDocumentWritesWithAHyphenKeepsIt() throws IOException {
        Path file = TestPdfs.write(dir.resolve("withholding.pdf"), PageSpec.of(
                "Employers must deposit the federal income tax with-",
                "holding for each payroll period and notify the employee by e-",
                "mail within ten days.", PARAGRAPH_BREAK,
                "Questions about e-mail notices go to the payroll office."));

        ExtractedText text = PdfReadTest.readAll(handler, file);

        assertThat(BlockTexts.of(text)).containsExactly("Employers must deposit the federal income tax withholding for "
                        + "each payroll period and notify the employee by e-mail within ten days.",
                "Questions about e-mail notices go to the payroll office.");
    }

    @Test
    void aWordInCapitalsBrokenAtALineEndIsJoinedButACapitalisedCompoundKeepsItsHyphen() throws IOException {
        Path file = TestPdfs.write(dir.resolve("disclaimer.pdf"), PageSpec.of(
                "THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS ARE DIS-",
                "CLAIMED. THE SOFTWARE IS PROVIDED WITHOUT ANY WARRANTY OF NON-",
                "INFRINGEMENT, AS SAID IN THE NON-INFRINGEMENT CLAUSE. SEE THE X-",
                "WINDOW SYSTEM NOTICE FOR THE FULL TEXT OF THIS LICENCE."));

        ExtractedText text = PdfReadTest.readAll(handler, file);

        assertThat(BlockTexts.of(text)).containsExactly("THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS ARE "
                + "DISCLAIMED. THE SOFTWARE IS PROVIDED WITHOUT ANY WARRANTY OF NON-INFRINGEMENT, AS SAID IN THE "
                + "NON-INFRINGEMENT CLAUSE. SEE THE X- WINDOW SYSTEM NOTICE FOR THE FULL TEXT OF THIS LICENCE.");
    }

    @Test
    void aHighlightOnAWordJoinedAcrossALineBreakCoversBothLinesOfIt() throws IOException {
        Path input = TestPdfs.write(dir.resolve("joined.pdf"), PageSpec.of(
                "Employers must deposit the federal income tax with-",
                "holding for each payroll period."));
        ExtractedText text = PdfReadTest.readAll(handler, input);
        Annotation term = TestPdfs.finding(text, "withholding for", "Requested term.", null);

        Path output = dir.resolve("joined-out.pdf");
        List<PDAnnotationHighlight> highlights =
                TestPdfs.highlightsAfterApply(handler, input, text, List.of(term), output, 0);
        assertThat(highlights).hasSize(1);
        float[] quads = highlights.get(0).getQuadPoints();
        assertThat(quads).as("one quad per line: 'with' and 'holding for'").hasSize(16);
        assertThat(quads[1]).as("the first quad is on the upper line").isGreaterThan(quads[9]);
    }

    @Test
    void aNarrowlyWrappedCopyGivesTheSameParagraphsAsAWideOne() throws IOException {
        Path wide = TestPdfs.write(dir.resolve("wide.pdf"), PageSpec.of(
                "The committee reviewed the annual budget and approved the with-",
                "holding of funds for projects that missed two reporting deadlines.", PARAGRAPH_BREAK,
                "Members may appeal by email within thirty days."));
        Path narrow = TestPdfs.write(dir.resolve("narrow.pdf"), PageSpec.of(
                "The committee reviewed the annual",
                "budget and approved the withholding",
                "of funds for projects that missed",
                "two reporting deadlines.", PARAGRAPH_BREAK,
                "Members may appeal by e-",
                "mail within thirty days."));

        ExtractedText one = PdfReadTest.readAll(handler, wide);
        ExtractedText other = PdfReadTest.readAll(handler, narrow);

        assertThat(BlockTexts.of(other)).isEqualTo(BlockTexts.of(one)).hasSize(2);
        assertThat(BlockTexts.of(one).get(1)).isEqualTo("Members may appeal by email within thirty days.");
    }

    @Test
    void runningHeadersFootersAndPageNumbersArePageFurniture() throws IOException {
        String[] bodies = {"The agency reviews each application within sixty days.",
            "Applicants may ask for a hearing before a decision is made.",
            "A decision can be appealed to the board in writing.",
            "Fees are refunded when an application is withdrawn early."};
        PageSpec[] pages = new PageSpec[4];
        for (int p = 1; p <= 4; p++) {
            pages[p - 1] = PageSpec.of("190069T.XXX Draft for comment", PARAGRAPH_BREAK, bodies[p - 1],
                    PARAGRAPH_BREAK, "Page " + p + " of 4");
        }
        Path file = TestPdfs.write(dir.resolve("furniture.pdf"), pages);

        ExtractedText text = PdfReadTest.readAll(handler, file);

        assertThat(text.blocks()).hasSize(12);
        for (TextBlock block : text.blocks()) {
            String blockText = text.blockText(block);
            BlockKind expected = List.of(bodies).contains(blockText) ? BlockKind.PROSE : BlockKind.FURNITURE;
            assertThat(block.kind()).as(blockText).isEqualTo(expected);
        }
    }

    @Test
    void aHeadingOnOnePageAndALonePageNumberAreToldApart() throws IOException {
        Path file = TestPdfs.write(dir.resolve("short.pdf"),
                PageSpec.of("Terms of service", PARAGRAPH_BREAK, "These terms apply to every order.", PARAGRAPH_BREAK, "1"),
                PageSpec.of("Refunds", PARAGRAPH_BREAK, "Refunds are paid within fourteen days.", PARAGRAPH_BREAK, "2"),
                PageSpec.of("Contact", PARAGRAPH_BREAK, "Write to the address below.", PARAGRAPH_BREAK, "3"));

        ExtractedText text = PdfReadTest.readAll(handler, file);

        assertThat(text.blocks()).extracting(TextBlock::kind).containsExactly(
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.FURNITURE,
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.FURNITURE,
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.FURNITURE);
    }
}
