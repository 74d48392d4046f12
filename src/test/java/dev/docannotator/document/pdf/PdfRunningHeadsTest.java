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
        PageSpec[] pages = new PageSpec[9];
        for (int p = 0; p < 9; p++) {
            String body = "Page " + (char) ('A' + p) + " explains one more step of the installation in detail.";
            pages[p] = p >= 2 && p <= 4 ? PageSpec.of("How to use the library", PARAGRAPH_BREAK, body)
                    : PageSpec.of(body);
        }
        ExtractedText text = PdfReadTest.readAll(handler, TestPdfs.write(dir.resolve("chapter.pdf"), pages));

        for (TextBlock block : text.blocks()) {
            String blockText = text.blockText(block);
            assertThat(block.kind()).as(blockText)
                    .isEqualTo(blockText.startsWith("How to") ? BlockKind.FURNITURE : BlockKind.PROSE);
        }
        assertThat(text.blocks()).filteredOn(b -> b.kind() == BlockKind.FURNITURE).hasSize(3);
    }

    @Test
    void aLineOnOnlyOneOfTwoPagesStaysText() throws IOException {
        Path file = TestPdfs.write(dir.resolve("two-pages-one-head.pdf"),
                PageSpec.of("Acme travel policy", PARAGRAPH_BREAK, "Employees book travel through the agency."),
                PageSpec.of("Refunds", PARAGRAPH_BREAK, "Receipts are kept for seven years."));

        assertThat(PdfReadTest.readAll(handler, file).blocks()).extracting(TextBlock::kind).containsOnly(BlockKind.PROSE);
    }
}
