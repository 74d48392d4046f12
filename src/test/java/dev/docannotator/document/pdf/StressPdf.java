package dev.docannotator.document.pdf;

import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A multi-page PDF that exercises every path of text extraction: upright, rotated and cropped pages, text drawn
 * twice (fake bold) and drawn again with an offset (a shadow, kept), duplicates inside /ActualText (kept), three
 * fonts, accented and typographic characters, glyphs far outside the page and huge glyphs.
 */
final class StressPdf {
    private static final String[] PROSE = {
        "The supplier shall deliver the system within 30 days of the order.",
        "Each module should be tested; the tester must record every failure.",
        "Café naïve – “quoted” text, façade and résumé: accents survive extraction.",
        "Numbers like 1,250.75 and 3.5% and the acronym API (application programming interface).",
    };

    private StressPdf() {
    }

    static Path write(Path file) throws IOException {
        List<PageSpec> specs = new ArrayList<>();
        for (int rotation : new int[] {0, 90, 180, 270}) {
            specs.add(new PageSpec(lines(rotation), rotation, null));
        }
        specs.add(new PageSpec(lines(7), 0, new PDRectangle(40, 60, 400, 600)));
        try (PDDocument document = TestPdfs.build(specs.toArray(PageSpec[]::new))) {
            addFakeBoldPage(document);
            addOddGlyphsPage(document);
            for (int rotation : new int[] {90, 0}) {
                addFakeBoldPage(document).setRotation(rotation);
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static List<String> lines(int seed) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(PROSE[(i + seed) % PROSE.length]);
            if (i % 3 == 2) {
                lines.add(TestPdfs.PARAGRAPH_BREAK);
            }
        }
        return lines;
    }

    /** Lines drawn twice at (almost) the same place, a shadowed line, and a duplicate inside /ActualText. */
    private static PDPage addFakeBoldPage(PDDocument document) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDFont[] fonts = {
            new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
            new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN),
            new PDType1Font(Standard14Fonts.FontName.COURIER),
        };
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = 780;
            for (int i = 0; i < 18; i++) {
                PDFont font = fonts[i % fonts.length];
                String line = PROSE[i % PROSE.length];
                show(content, font, 11, 50, y, line);
                if (i % 2 == 0) {
                    show(content, font, 11, 50.3f, y - 0.2f, line); // fake bold: suppressed
                }
                if (i % 5 == 0) {
                    show(content, font, 11, 53f, y - 2f, line); // shadow: far enough to be kept
                }
                y -= i % 4 == 3 ? 30 : 15;
            }
            COSDictionary properties = new COSDictionary();
            properties.setString(COSName.ACTUAL_TEXT, "replacement");
            content.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(properties));
            show(content, fonts[0], 11, 50, y, "inside actual text");
            show(content, fonts[0], 11, 50.2f, y, "inside actual text");
            content.endMarkedContent();
        }
        return page;
    }

    /** Text far outside the page (both signs), a huge heading drawn twice, and tiny text. */
    private static void addOddGlyphsPage(PDDocument document) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            show(content, font, 300, 20, 400, "Huge");
            show(content, font, 300, 30, 390, "Huge");
            show(content, font, 10, -5000, 300, "far to the left twice");
            show(content, font, 10, -5000, 300, "far to the left twice");
            show(content, font, 10, 90000, -70000, "far below and right");
            show(content, font, 10, 90000.5f, -70000, "far below and right");
            show(content, font, 2, 100, 100, "tiny text at the bottom of the page");
            show(content, font, 10, 100, 700, PROSE[2]);
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
