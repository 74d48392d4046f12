package dev.docannotator.document.pdf;

import static dev.docannotator.document.pdf.TestPdfs.PARAGRAPH_BREAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfReadTest extends PdfTestCase {
    static ExtractedText readAll(PdfHandler handler, Path file) {
        TextBuilder out = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, out);
            }
        }
        return out.build();
    }

    @Test
    void eachPageIsOneUnitAndEachParagraphOneBlockNumberedWithinItsPage() throws IOException {
        Path file = TestPdfs.write(dir.resolve("two-pages.pdf"),
                PageSpec.of("Hello world from page one.", PARAGRAPH_BREAK,
                        "Second paragraph starts here", "and continues on this line."),
                PageSpec.of("Page two has one line."));

        try (ReadSession session = handler.openForRead(file)) {
            assertThat(session.unitCount()).isEqualTo(2);
        }
        ExtractedText text = readAll(handler, file);

        assertThat(text.text()).isEqualTo("Hello world from page one.\n"
                + "Second paragraph starts here and continues on this line.\n"
                + "Page two has one line.");
        assertThat(text.blocks()).extracting(TextBlock::page, TextBlock::paragraph)
                .containsExactly(tuple(1, 1), tuple(1, 2),
                        tuple(2, 1));
        assertThat(text.blocks()).allSatisfy(block -> assertThat(text.blockText(block)).doesNotContain("\n"));
    }

    @Test
    void everyCharacterKnowsItsLineAndTheJoiningSpaceBelongsToTheNextLine() throws IOException {
        try (PDDocument document = TestPdfs.build(PageSpec.of("First paragraph.", PARAGRAPH_BREAK,
                "Second paragraph starts here", "and continues here", "and ends here."))) {
            PageText page = new PageTextStripper().read(document, document.getPage(0), 1);

            PdfParagraph first = page.paragraphs().get(0);
            PdfParagraph second = page.paragraphs().get(1);
            assertThat(second.text()).isEqualTo("Second paragraph starts here and continues here and ends here.");
            int firstLine = first.lineOfChar()[0];
            assertThat(first.lineOfChar()).containsOnly(firstLine);
            int start = second.lineOfChar()[0];
            assertThat(start).isGreaterThan(firstLine);
            int secondBreak = second.text().indexOf(" and continues");
            int thirdBreak = second.text().indexOf(" and ends");
            for (int i = 0; i < second.text().length(); i++) {
                int expected = i < secondBreak ? start : i < thirdBreak ? start + 1 : start + 2;
                assertThat(second.lineOfChar()[i]).as("character %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void textDrawnAgainOverItselfForBoldnessIsReadOnce() throws IOException {
        Path file = dir.resolve("fake-bold.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (float offset : new float[] {0, 0.3f, 0.6f}) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(50 + offset, 700);
                    content.showText("Bold heading");
                    content.endText();
                }
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(50, 680);
                content.showText("Plain text");
                content.endText();
            }
            document.save(file.toFile());
        }

        assertThat(readAll(handler, file).text()).isEqualTo("Bold heading\nPlain text");
    }

    @Test
    void readingCanResumeAtAnyPageAndGivesTheSameText() throws IOException {
        Path file = TestPdfs.write(dir.resolve("three.pdf"),
                PageSpec.of("First page."), PageSpec.of("Second page."), PageSpec.of("Third page."));
        ExtractedText whole = readAll(handler, file);

        TextBuilder first = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            session.readUnit(0, first);
        }
        TextBuilder resumed = new TextBuilder(first.build());
        try (ReadSession session = handler.openForRead(file)) {
            session.readUnit(1, resumed);
            session.readUnit(2, resumed);
        }

        assertThat(resumed.build()).isEqualTo(whole);
    }

    @Test
    void pagesMustBeReadInAscendingOrder() throws IOException {
        Path file = TestPdfs.write(dir.resolve("order.pdf"), PageSpec.of("One."), PageSpec.of("Two."));
        try (ReadSession session = handler.openForRead(file)) {
            session.readUnit(1, new TextBuilder());
            assertThatThrownBy(() -> session.readUnit(0, new TextBuilder()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> session.readUnit(2, new TextBuilder()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void rotatedPagesReadLikeUprightOnes(int rotation) throws IOException {
        Path file = TestPdfs.write(dir.resolve("rotated.pdf"),
                PageSpec.of("A rotated page reads", "left to right.").rotated(rotation));

        assertThat(readAll(handler, file).text()).isEqualTo("A rotated page reads left to right.");
    }

    @Test
    void textOutsideTheCropBoxOriginIsReadOnCroppedPages() throws IOException {
        Path file = TestPdfs.write(dir.resolve("cropped.pdf"),
                PageSpec.of("Cropped page text.").cropped(new PDRectangle(100, 150, 400, 500)));

        assertThat(readAll(handler, file).text()).isEqualTo("Cropped page text.");
    }

    @Test
    void aScannedPdfWithOnlyAnImageReadsAsEmptyText() throws IOException {
        Path file = TestPdfs.writeImageOnly(dir.resolve("scan.pdf"));

        ExtractedText text = readAll(handler, file);

        assertThat(text.text()).isEmpty();
        assertThat(text.blocks()).isEmpty();
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
        Path file = TestPdfs.writeEncrypted(dir.resolve("owner.pdf"), "owner-secret", "",
                PageSpec.of("Encrypted for editing only."));

        assertThat(readAll(handler, file).text()).isEqualTo("Encrypted for editing only.");
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedSessionReadsNothing() throws IOException {
        Path file = TestPdfs.write(dir.resolve("close.pdf"), PageSpec.of("Close me."));
        ReadSession session = handler.openForRead(file);
        session.close();
        session.close();

        assertThatThrownBy(() -> session.readUnit(0, new TextBuilder())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void validateOpensAndClosesAGoodPdf() throws IOException {
        Path file = TestPdfs.write(dir.resolve("ok.pdf"), PageSpec.of("Fine."));

        handler.validate(file);
    }
}
