package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PARAGRAPH_BREAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.pdf.GlyphBoxes.Box;
import dev.docannotator.document.pdf.GlyphBoxes.Glyph;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfApplyTest extends PdfTestCase {
    private static final float TOLERANCE = 0.5f;

    private Path annotate(Path input, List<Annotation> annotations, ExtractedText text) {
        Path output = dir.resolve("out-" + input.getFileName());
        try (ApplySession session = handler.openForApply(input, text)) {
            session.apply(annotations);
            session.save(output);
        }
        return output;
    }

    private static List<PDAnnotationHighlight> highlights(PDDocument document, int pageNumber) throws IOException {
        List<PDAnnotationHighlight> found = new ArrayList<>();
        for (PDAnnotation annotation : document.getPage(pageNumber - 1).getAnnotations()) {
            if (annotation instanceof PDAnnotationHighlight highlight && "DocAnnotator".equals(highlight.getTitlePopup())) {
                found.add(highlight);
            }
        }
        return found;
    }

    /**
     * Every glyph of each word lies inside one of the highlight's quads; the glyphs right before the first word and
     * right after the last one (when they are not spaces) do not.
     */
    private static void assertCovers(PDAnnotationHighlight highlight, List<Glyph> pageGlyphs, String... words) {
        float[] quads = highlight.getQuadPoints();
        List<Box> quadBoxes = new ArrayList<>();
        for (int i = 0; i < quads.length; i += 8) {
            quadBoxes.add(Box.ofQuad(quads, i));
        }
        for (String word : words) {
            for (Glyph glyph : GlyphBoxes.find(pageGlyphs, word)) {
                assertThat(quadBoxes).as("a quad holding glyph '%s' of '%s' at %s", glyph.unicode(), word, glyph.box())
                        .anySatisfy(quad -> assertThat(quad.contains(glyph.box(), TOLERANCE)).isTrue());
            }
        }
        assertOutside(quadBoxes, GlyphBoxes.neighbour(pageGlyphs, words[0], false));
        assertOutside(quadBoxes, GlyphBoxes.neighbour(pageGlyphs, words[words.length - 1], true));
        PDRectangle rect = highlight.getRectangle();
        Box rectBox = new Box(rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getUpperRightX(), rect.getUpperRightY());
        assertThat(quadBoxes).allSatisfy(quad -> assertThat(rectBox.contains(quad, TOLERANCE)).isTrue());
    }

    private static void assertOutside(List<Box> quadBoxes, Glyph neighbour) {
        if (neighbour != null && !neighbour.unicode().isBlank()) {
            assertThat(quadBoxes).as("no quad over the neighbouring glyph '%s'", neighbour.unicode())
                    .noneSatisfy(quad -> assertThat(quad.containsPoint(
                            neighbour.box().centerX(), neighbour.box().centerY())).isTrue());
        }
    }

    @Test
    void eachAnnotationBecomesOneYellowDocAnnotatorHighlightWithNotePopupAndAppearance() throws IOException {
        Path input = TestPdfs.write(dir.resolve("plain.pdf"),
                PageSpec.of("The quick brown fox jumps over the lazy dog.", PARAGRAPH_BREAK, "Another paragraph here."));
        ExtractedText text = PdfReadTest.readAll(handler, input);
        List<Annotation> annotations = List.of(
                TestPdfs.finding(text, "brown", "Colour words are vague.", "russet"),
                TestPdfs.finding(text, "lazy", "Judgemental adjective.", null),
                TestPdfs.finding(text, "paragraph", "Consider a shorter word.", "part"));
        byte[] original = Files.readAllBytes(input);

        Path output = annotate(input, annotations, text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            List<PDAnnotationHighlight> highlights = highlights(document, 1);
            assertThat(highlights).hasSize(annotations.size());
            List<Glyph> glyphs = GlyphBoxes.ofPage(document, 1);
            assertCovers(highlights.get(0), glyphs, "brown");
            assertCovers(highlights.get(1), glyphs, "lazy");
            assertCovers(highlights.get(2), glyphs, "paragraph");

            PDAnnotationHighlight first = highlights.get(0);
            float[] quad = first.getQuadPoints();
            assertThat(quad).as("one quad: UL, UR, LL, LR").hasSize(8);
            assertThat(quad[1]).as("upper edge above lower edge").isGreaterThan(quad[5]);
            assertThat(quad[2]).as("UR right of UL").isGreaterThan(quad[0]);
            assertThat(quad[6]).as("LR right of LL").isGreaterThan(quad[4]);
            assertThat(first.getContents()).contains("Colour words are vague.").contains("Suggestion: russet");
            assertThat(highlights.get(1).getContents()).isEqualTo("Judgemental adjective.");
            assertThat(first.getColor().getComponents()).containsExactly(1f, 1f, 0f);
            assertThat(first.getNormalAppearanceStream()).isNotNull();
            assertThat(first.getNormalAppearanceStream().getBBox().getWidth()).isPositive();
            PDAnnotationPopup popup = first.getPopup();
            assertThat(popup).isNotNull();
            assertThat(popup.getParent().getCOSObject()).isSameAs(first.getCOSObject());
            assertThat(document.getPage(0).getAnnotations()).filteredOn(a -> a instanceof PDAnnotationPopup)
                    .hasSize(annotations.size());
        }
        assertThat(Files.readAllBytes(input)).as("the original is never written").isEqualTo(original);
    }

    @ParameterizedTest(name = "rotation {0}")
    @ValueSource(ints = {90, 180, 270})
    void highlightsCoverTheQuotedGlyphsOnRotatedPages(int rotation) throws IOException {
        Path input = TestPdfs.write(dir.resolve("rotated-" + rotation + ".pdf"),
                PageSpec.of("Rotated pages still get exact highlights.", "Second line of text.").rotated(rotation));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "xac", "Check this.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            List<PDAnnotationHighlight> highlights = highlights(document, 1);
            assertThat(highlights).hasSize(1);
            assertCovers(highlights.get(0), GlyphBoxes.ofPage(document, 1), "xac");
        }
    }

    @Test
    void highlightsCoverTheQuotedGlyphsOnACroppedPage() throws IOException {
        Path input = TestPdfs.write(dir.resolve("cropped.pdf"),
                PageSpec.of("Text on a cropped page is offset.").cropped(new PDRectangle(100, 150, 400, 500)));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "roppe", "Check this.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            List<PDAnnotationHighlight> highlights = highlights(document, 1);
            assertThat(highlights).hasSize(1);
            List<Glyph> glyphs = GlyphBoxes.ofPage(document, 1);
            assertCovers(highlights.get(0), glyphs, "roppe");
            // the crop box moved the text away from the origin: the quad must have moved with it
            assertThat(highlights.get(0).getQuadPoints()[0]).isGreaterThan(100);
        }
    }

    @ParameterizedTest(name = "rotation {0}")
    @ValueSource(ints = {90, 270})
    void highlightsCoverTheQuotedGlyphsOnRotatedAndCroppedPages(int rotation) throws IOException {
        Path input = TestPdfs.write(dir.resolve("rotated-cropped.pdf"),
                PageSpec.of("Both rotated and cropped at once.").rotated(rotation)
                        .cropped(new PDRectangle(80, 120, 420, 560)));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "roppe", "Check this.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            assertCovers(highlights(document, 1).get(0), GlyphBoxes.ofPage(document, 1), "roppe");
        }
    }

    @Test
    void aQuoteOverSeveralLinesIsOneHighlightWithOneQuadPerLine() throws IOException {
        Path input = TestPdfs.write(dir.resolve("lines.pdf"),
                PageSpec.of("This sentence runs over", "three lines of the", "page before it ends."));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "ver three lines of the pag", "Too long.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            List<PDAnnotationHighlight> highlights = highlights(document, 1);
            assertThat(highlights).hasSize(1);
            assertThat(highlights.get(0).getQuadPoints()).hasSize(3 * 8);
            assertCovers(highlights.get(0), GlyphBoxes.ofPage(document, 1), "ver", "three", "lines", "the", "pag");
        }
    }

    @Test
    void highlightsLandOnTheRightPageOfAMultiPageDocument() throws IOException {
        Path input = TestPdfs.write(dir.resolve("pages.pdf"),
                PageSpec.of("Nothing to see on page one."), PageSpec.of("The mistake is on page two."));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "mistake", "Here.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            assertThat(highlights(document, 1)).isEmpty();
            assertThat(highlights(document, 2)).hasSize(1);
            assertCovers(highlights(document, 2).get(0), GlyphBoxes.ofPage(document, 2), "mistake");
        }
    }

    @Test
    void aQuoteRunningOntoTheNextPageGetsOneHighlightOnEachPage() throws IOException {
        Path input = TestPdfs.write(dir.resolve("span.pdf"),
                PageSpec.of("The sentence breaks at the end of"), PageSpec.of("the page and goes on."));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "end of\nthe page", "Spans pages.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            assertThat(highlights(document, 1)).hasSize(1);
            assertThat(highlights(document, 2)).hasSize(1);
            assertCovers(highlights(document, 1).get(0), GlyphBoxes.ofPage(document, 1), "end", "of");
            assertCovers(highlights(document, 2).get(0), GlyphBoxes.ofPage(document, 2), "the", "page");
        }
    }

    @Test
    void anOwnerPasswordPdfIsSavedWithoutEncryption() throws IOException {
        Path input = TestPdfs.writeEncrypted(dir.resolve("owner.pdf"), "owner-secret", "",
                PageSpec.of("Encrypted for editing only."));
        ExtractedText text = PdfReadTest.readAll(handler, input);

        Path output = annotate(input, List.of(TestPdfs.finding(text, "editing", "Note.", null)), text);

        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            assertThat(document.isEncrypted()).isFalse();
            assertThat(highlights(document, 1)).hasSize(1);
        }
    }

    @Test
    void applyingToTextThatThePageNoLongerYieldsFails() throws IOException {
        Path input = TestPdfs.write(dir.resolve("changed.pdf"), PageSpec.of("Original words."));
        ExtractedText read = PdfReadTest.readAll(handler, input);
        ExtractedText other = new ExtractedText("Different words", read.blocks().stream()
                .map(b -> new TextBlock(0, 15, b.page(), b.paragraph())).toList());

        try (ApplySession session = handler.openForApply(input, other)) {
            assertThatThrownBy(() -> session.apply(List.of(TestPdfs.finding(other, "words", "x", null))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Page 1");
        }
    }

    @Test
    void savingOverTheOriginalIsRefused() throws IOException {
        Path input = TestPdfs.write(dir.resolve("keep.pdf"), PageSpec.of("Keep me."));
        ExtractedText text = PdfReadTest.readAll(handler, input);
        byte[] before = Files.readAllBytes(input);

        try (ApplySession session = handler.openForApply(input, text)) {
            session.apply(List.of(TestPdfs.finding(text, "Keep", "x", null)));
            assertThatThrownBy(() -> session.save(input)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
    }
}
