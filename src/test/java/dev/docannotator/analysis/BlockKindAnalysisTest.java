package dev.docannotator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKindAnalysisTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    @Test
    void codeAndPageFurnitureAreNotReadAsProseByDefault() {
        TextBuilder builder = new TextBuilder();
        builder.append("Run the the installer before you start.", 1, 1, BlockKind.PROSE);
        builder.append("cp the the /etc/app.conf /tmp # TODO keep", 1, 2, BlockKind.CODE);
        builder.append("190069T.XXX TODO draft the the copy", 1, 3, BlockKind.FURNITURE);
        builder.append("Totals the the column", 1, 4, BlockKind.TABLE_CELL);
        ExtractedText text = builder.build();

        List<Annotation> found = AnalysisFixture.runAll(analyser, text, analyser.parse("repeated words"));

        assertThat(found).extracting(Annotation::paragraph).containsOnly(1, 4);
    }

    @Test
    void anUnfinishedMarkerInAListOfCitedWorksIsStillReported() {
        TextBuilder builder = new TextBuilder();
        builder.append("Earlier work [3] drove one robot at a time.", 1, 1, BlockKind.PROSE);
        builder.append("[3] J.M. Kahn and K.S.J. Pister, TODO: add the venue and year.", 1, 2, BlockKind.REFERENCE);
        builder.append("[4] P. Dario and M. Cocco, \"Microactuators,\" J. Micromech. 2, 1992.", 1, 3, BlockKind.REFERENCE);
        ExtractedText text = builder.build();

        List<Annotation> found = AnalysisFixture.runAll(analyser, text, analyser.parse("unfinished markers"));

        assertThat(found).extracting(Annotation::paragraph).containsExactly(2);
    }
}
