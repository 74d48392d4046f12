package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PARAGRAPH_BREAK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.BlockTexts.Kinded;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running heads and feet the "repeated on most pages" rule cannot see: a two-page document's, a chapter's. */
class PdfRunningHeadsTest extends PdfTestCase {

    @Test
    void theRunningHeadAndFootOfATwoPageDocumentArePageFurniture() throws IOException {
        String[] bodies = {"Employees book their travel through the approved agency.",
            "Receipts are kept for seven years after the claim is paid."};
        Path file = TestPdfs.write(dir.resolve("two-pages.pdf"),
                PageSpec.of("Acme travel policy", PARAGRAPH_BREAK, bodies[0], PARAGRAPH_BREAK, "Internal use only"),
                PageSpec.of("Acme travel policy", PARAGRAPH_BREAK, bodies[1], PARAGRAPH_BREAK, "Internal use only"));

        assertThat(readKinds(file)).containsExactly(
                new Kinded("Acme travel policy", BlockKind.FURNITURE), new Kinded(bodies[0], BlockKind.PROSE),
                new Kinded("Internal use only", BlockKind.FURNITURE),
                new Kinded("Acme travel policy", BlockKind.FURNITURE), new Kinded(bodies[1], BlockKind.PROSE),
                new Kinded("Internal use only", BlockKind.FURNITURE));
    }

    @Test
    void aChaptersRunningHeadOnThreePagesInARowIsPageFurniture() throws IOException {
        ExtractedText text = PdfReadTest.readAll(handler, TestPdfs.write(dir.resolve("chapter.pdf"),
                pagesOpenedBy("How to use the library", "How to use the library", "How to use the library")));

        for (TextBlock block : text.blocks()) {
            String blockText = text.blockText(block);
            assertThat(block.kind()).as(blockText)
                    .isEqualTo(blockText.startsWith("How to") ? BlockKind.FURNITURE : BlockKind.PROSE);
        }
        assertThat(text.blocks()).filteredOn(b -> b.kind() == BlockKind.FURNITURE).hasSize(3);
    }

    @Test
    void numberedHeadingsOpeningThreePagesInARowStayText() throws IOException {
        ExtractedText text = PdfReadTest.readAll(handler, TestPdfs.write(dir.resolve("exercises.pdf"),
                pagesOpenedBy("Exercise 1", "Exercise 2", "Exercise 3")));

        assertThat(text.blocks()).extracting(text::blockText).contains("Exercise 1", "Exercise 2", "Exercise 3");
        assertThat(text.blocks()).extracting(TextBlock::kind).doesNotContain(BlockKind.FURNITURE);
    }

    /** A page number after a separator, or before the title: the head is the chapter's all the same. */
    @ParameterizedTest
    @ValueSource(strings = {"Chapter 2 · %d", "%d GNU bzip2 manual"})
    void aChaptersRunningHeadWithItsPageNumberIsPageFurniture(String head) throws IOException {
        String[] heads = {head.formatted(17), head.formatted(18), head.formatted(19)};
        ExtractedText text = PdfReadTest.readAll(handler, TestPdfs.write(dir.resolve("numbered-head.pdf"),
                pagesOpenedBy(heads)));

        assertThat(text.blocks()).filteredOn(b -> b.kind() == BlockKind.FURNITURE).extracting(text::blockText)
                .containsExactly(heads);
    }

    /** Nine pages of body text, the third to the fifth opened by {@code heads}, one each. */
    private static PageSpec[] pagesOpenedBy(String... heads) {
        PageSpec[] pages = new PageSpec[9];
        for (int p = 0; p < pages.length; p++) {
            String body = "Page " + (char) ('A' + p) + " works through one more use of the compressor in detail.";
            pages[p] = p >= 2 && p < 2 + heads.length ? PageSpec.of(heads[p - 2], PARAGRAPH_BREAK, body)
                    : PageSpec.of(body);
        }
        return pages;
    }

    @Test
    void aLineOnOnlyOneOfTwoPagesStaysText() throws IOException {
        Path file = TestPdfs.write(dir.resolve("two-pages-one-head.pdf"),
                PageSpec.of("Acme travel policy", PARAGRAPH_BREAK, "Employees book travel through the agency."),
                PageSpec.of("Refunds", PARAGRAPH_BREAK, "Receipts are kept for seven years."));

        assertThat(PdfReadTest.readAll(handler, file).blocks()).extracting(TextBlock::kind).containsOnly(BlockKind.PROSE);
    }
}
