package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Only a run of entries is a list of cited works; entries scattered through the prose stay prose. */
class ReferenceEntriesTest {
    private static final String FIRST = "[1] P. Dario, R. Valeggi and M. Cocco, \"Microactuators for microrobots,\" 1992.";
    private static final String SECOND = "[2] J.M. Kahn, R.H. Katz and K.S.J. Pister, \"Mobile networking,\" 1999.";
    private static final String THIRD = "[3] Akiyama, T. and Shono, K., \"Controlled stepwise motion,\" 1993.";
    private static final String PROSE = "The actuators were driven at 40 V and the stage moved in steps of 10 nm.";

    @Test
    void aRunOfEntriesWithAnEntryBrokenInTwoIsAList() {
        List<BlockKind> kinds = marked(FIRST, "J. Micromech. Microeng. 2, pp. 141-157.", SECOND, THIRD);

        assertThat(kinds).containsExactly(BlockKind.REFERENCE, BlockKind.PROSE, BlockKind.REFERENCE, BlockKind.REFERENCE);
    }

    @Test
    void threeParagraphsOpeningLikeEntriesFarApartInTheProseAreNoList() {
        List<BlockKind> kinds = marked(FIRST, PROSE, PROSE, PROSE, SECOND, PROSE, PROSE, PROSE, THIRD);

        assertThat(kinds).containsOnly(BlockKind.PROSE);
    }

    @Test
    void twoBlocksBetweenEntriesStillMakeARunButThreeBreakIt() {
        assertThat(marked(FIRST, PROSE, PROSE, SECOND, PROSE, PROSE, THIRD)).containsExactly(BlockKind.REFERENCE,
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.REFERENCE, BlockKind.PROSE, BlockKind.PROSE,
                BlockKind.REFERENCE);
        assertThat(marked(FIRST, PROSE, PROSE, SECOND, PROSE, PROSE, PROSE, THIRD)).containsOnly(BlockKind.PROSE);
    }

    @Test
    void aListAfterAScatteredEntryIsStillFound() {
        List<BlockKind> kinds = marked(THIRD, PROSE, PROSE, PROSE, FIRST, SECOND, THIRD);

        assertThat(kinds).containsExactly(BlockKind.PROSE, BlockKind.PROSE, BlockKind.PROSE, BlockKind.PROSE,
                BlockKind.REFERENCE, BlockKind.REFERENCE, BlockKind.REFERENCE);
    }

    private static List<BlockKind> marked(String... paragraphs) {
        TextBuilder text = new TextBuilder();
        for (String paragraph : paragraphs) {
            text.append(paragraph, 1, null);
        }
        ReferenceEntries.mark(text);
        return IntStream.range(0, text.blockCount()).mapToObj(i -> text.block(i).kind()).toList();
    }
}
