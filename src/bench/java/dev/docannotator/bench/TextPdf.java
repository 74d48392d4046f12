package dev.docannotator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Typesets a real plain text as a PDF the way office tools print it: its own line breaks, a running header and a
 * page number on every page (page furniture a reviewer never wants findings on).
 */
final class TextPdf {
    private static final int LINES_PER_PAGE = 56;

    private TextPdf() {
    }

    static void write(String text, Path file, String runningHeader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line.replace("\t", "    ").replaceAll("[^\\x20-\\x7E]", "?"));
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        try (PDDocument doc = new PDDocument()) {
            for (int first = 0, page = 1; first < lines.size(); first += LINES_PER_PAGE, page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
                    line(content, font, 9, 50, 815, runningHeader);
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(13);
                    content.newLineAtOffset(50, 790);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + LINES_PER_PAGE))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                    line(content, font, 9, 290, 30, String.valueOf(page));
                }
            }
            doc.save(file.toFile());
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
