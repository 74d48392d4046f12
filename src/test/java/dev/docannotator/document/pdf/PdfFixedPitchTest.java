package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PageFont.declaredAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.pdf.TestPdfs.PageFont;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.Test;

/**
 * A command or listing set in a fixed-pitch font is code, not prose. TeX documents embed their typewriter face as a
 * subset named like "ABCDEF+CMTT10" (Computer Modern), "SFTT1000" (EC fonts) or "LMMono10" (Latin Modern), whose
 * descriptor often leaves the fixed-pitch flag unset: the reader must know those names.
 */
class PdfFixedPitchTest extends PdfTestCase {
    private static final String COMMAND = "gzip -9 -c notes.txt > notes.txt.gz";
    private static final String PROSE = "The -c option writes the compressed data to standard output.";

    private List<BlockKind> kinds(PageSpec... pages) throws IOException {
        Path file = TestPdfs.write(dir.resolve("manual.pdf"), pages);
        ExtractedText text = PdfReadTest.readAll(handler, file);
        assertThat(text.blocks()).extracting(text::blockText).containsOnly(COMMAND, PROSE);
        return text.blocks().stream().map(TextBlock::kind).toList();
    }

    @Test
    void aCommandInCourierIsCodeAndTheProseAroundItInHelveticaIsNot() throws IOException {
        assertThat(kinds(PageSpec.of(PROSE), PageSpec.of(COMMAND).setIn(PageFont.standard(FontName.COURIER))))
                .containsExactly(BlockKind.PROSE, BlockKind.CODE);
    }

    @Test
    void texTypewriterSubsetsAreCodeByTheirNameAlone() throws IOException {
        for (String typewriter : List.of("ABCDEF+CMTT10", "GHIJKL+SFTT1000", "MNOPQR+LMMono10-Regular")) {
            assertThat(kinds(PageSpec.of(PROSE).setIn(declaredAs("STUVWX+CMR10", FontName.TIMES_ROMAN)),
                    PageSpec.of(COMMAND).setIn(declaredAs(typewriter, FontName.COURIER))))
                    .as(typewriter).containsExactly(BlockKind.PROSE, BlockKind.CODE);
        }
    }
}
