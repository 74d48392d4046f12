package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PARAGRAPH_BREAK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.BlockTexts.Kinded;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The list of cited works closing a paper: entries of names, titles and venues, not the author's prose. */
class PdfReferenceListTest extends PdfTestCase {
    private static final String CITING = "Earlier work [1] drove one robot at a time; we drive two.";
    private static final String[] ENTRIES = {
        "[1] P. Dario, R. Valeggi and M. Cocco, \"Microactuators for microrobots: a critical survey,\" J. Micromech. 2, 1992.",
        "[2] J.M. Kahn, R.H. Katz and K.S.J. Pister, \"Mobile networking for smart dust,\" ACM/IEEE MobiCom, 1999.",
        "[3] Akiyama, T. and Shono, K., \"Controlled stepwise motion in polysilicon microstructures,\" 1993."};

    @Test
    void numberedEntriesOpeningWithAnAuthorAreReferencesAndTheCitingSentenceStaysProse() throws IOException {
        Path file = TestPdfs.write(dir.resolve("paper.pdf"), PageSpec.of(CITING, PARAGRAPH_BREAK, "REFERENCES",
                PARAGRAPH_BREAK, ENTRIES[0], PARAGRAPH_BREAK, ENTRIES[1], PARAGRAPH_BREAK, ENTRIES[2]));

        assertThat(readKinds(file)).containsExactly(new Kinded(CITING, BlockKind.PROSE),
                new Kinded("REFERENCES", BlockKind.PROSE), new Kinded(ENTRIES[0], BlockKind.REFERENCE),
                new Kinded(ENTRIES[1], BlockKind.REFERENCE), new Kinded(ENTRIES[2], BlockKind.REFERENCE));
    }

    @Test
    void twoParagraphsThatHappenToOpenLikeEntriesAreNoList() throws IOException {
        Path file = TestPdfs.write(dir.resolve("two.pdf"), PageSpec.of(
                ENTRIES[0], PARAGRAPH_BREAK, ENTRIES[1]));

        assertThat(readKinds(file)).extracting(Kinded::kind).containsOnly(BlockKind.PROSE);
    }
}
