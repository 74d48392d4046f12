package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.junit.jupiter.api.Test;

/**
 * LaTeX sets "fi" and "fl" as one ligature glyph whose text is U+FB01 / U+FB02; the reader spells them out (the page
 * is page 4 of Debian's bzip2 manual, {@code bzip2-doc}), so that the spelling and grammar checks read "files".
 */
class PdfLigaturesTest extends PdfTestCase {
    private static final Path MANUAL = Path.of("src/test/resources/public-documents/bzip2-manual-page4.pdf");

    @Test
    void ligatureGlyphsAreReadAsTheirLetters() {
        ExtractedText text = PdfReadTest.readAll(handler, MANUAL);

        assertThat(text.text()).contains("bzip2 compresses files using the Burrows-Wheeler block-sorting",
                "a flexible library for handling compressed data");
        assertThat(text.text().chars().filter(c -> c >= 0xFB00 && c <= 0xFB06)).isEmpty();
    }

    @Test
    void everyLatinLigatureIsSpelledOutAndOtherTextIsLeftAlone() {
        assertThat(PageTextStripper.withoutLigatures("\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06"))
                .isEqualTo("fffiflffifflstst");
        assertThat(PageTextStripper.withoutLigatures("ﬁ")).isEqualTo("fi");
        // only ligatures: a full-width letter or a superscript keeps its own character
        assertThat(PageTextStripper.withoutLigatures("Ａ²")).isEqualTo("Ａ²");
    }

    @Test
    void aHighlightOnAWordWithALigatureCoversTheWholeWord() throws IOException {
        ExtractedText text = PdfReadTest.readAll(handler, MANUAL);
        Annotation a = TestPdfs.finding(text, "files", "Check.", null);
        assertThat(a.start()).as("the first \"files\" is the ligature one")
                .isEqualTo(text.text().indexOf("files using"));

        Path output = dir.resolve("manual-out.pdf");
        List<PDAnnotationHighlight> highlights =
                TestPdfs.highlightsAfterApply(handler, MANUAL, text, List.of(a), output, 0);
        assertThat(highlights).hasSize(1);
        float[] quad = highlights.get(0).getQuadPoints();
        assertThat(quad).hasSize(8);
        // five letters of about 5 pt each at 10 pt type: far wider than the "les" alone
        assertThat(quad[2] - quad[0]).isGreaterThan(14f);
    }
}
