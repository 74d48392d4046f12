package dev.docannotator.document.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Glyph boxes in PDF user space, computed independently of the code under test: from PDFBox's
 * direction-adjusted display coordinates (origin at the top left of the crop box), mapped back to user space.
 */
final class GlyphBoxes {

    /** An axis-aligned box in user space. */
    record Box(float minX, float minY, float maxX, float maxY) {
        float centerX() {
            return (minX + maxX) / 2;
        }

        float centerY() {
            return (minY + maxY) / 2;
        }

        boolean contains(Box other, float tolerance) {
            return other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
                    && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance;
        }

        boolean containsPoint(float x, float y) {
            return x >= minX && x <= maxX && y >= minY && y <= maxY;
        }

        static Box ofQuad(float[] quadPoints, int offset) {
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                float x = quadPoints[offset + 2 * i];
                float y = quadPoints[offset + 2 * i + 1];
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            return new Box(minX, minY, maxX, maxY);
        }
    }

    /** One glyph: its text and box. */
    record Glyph(String unicode, Box box) {
    }

    private GlyphBoxes() {
    }

    /** Every glyph of page {@code pageNumber} (1-based), in content stream order. */
    static List<Glyph> ofPage(PDDocument document, int pageNumber) throws IOException {
        PDRectangle crop = document.getPage(pageNumber - 1).getCropBox();
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(new Glyph(text.getUnicode(), box(text, crop)));
            }
        };
        collector.setStartPage(pageNumber);
        collector.setEndPage(pageNumber);
        collector.writeText(document, Writer.nullWriter());
        return glyphs;
    }

    /** The glyphs spelling {@code word}, which must occur exactly once on the page. */
    static List<Glyph> find(List<Glyph> glyphs, String word) {
        StringBuilder all = new StringBuilder();
        for (Glyph glyph : glyphs) {
            all.append(glyph.unicode());
        }
        int at = all.indexOf(word);
        if (at < 0 || all.indexOf(word, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + word + "' must occur exactly once in: " + all);
        }
        return glyphs.subList(at, at + word.length()); // Helvetica: one character per glyph
    }

    /** The glyph right before / after {@code word}. */
    static Glyph neighbour(List<Glyph> glyphs, String word, boolean after) {
        StringBuilder all = new StringBuilder();
        for (Glyph glyph : glyphs) {
            all.append(glyph.unicode());
        }
        int at = all.indexOf(word);
        int index = after ? at + word.length() : at - 1;
        return index >= 0 && index < glyphs.size() ? glyphs.get(index) : null;
    }

    private static Box box(TextPosition text, PDRectangle crop) {
        float x = text.getXDirAdj();
        float y = text.getYDirAdj();
        float w = text.getWidthDirAdj();
        float h = text.getHeightDir();
        float pageWidth = text.getPageWidth();
        float pageHeight = text.getPageHeight();
        float minX;
        float maxX;
        float minY;
        float maxY;
        switch ((int) text.getDir()) {
            case 90 -> {
                minX = y - h;
                maxX = y;
                minY = x;
                maxY = x + w;
            }
            case 180 -> {
                minX = pageWidth - x - w;
                maxX = pageWidth - x;
                minY = y - h;
                maxY = y;
            }
            case 270 -> {
                minX = pageWidth - y;
                maxX = pageWidth - y + h;
                minY = pageHeight - x - w;
                maxY = pageHeight - x;
            }
            default -> {
                minX = x;
                maxX = x + w;
                minY = pageHeight - y;
                maxY = pageHeight - y + h;
            }
        }
        float dx = crop.getLowerLeftX();
        float dy = crop.getLowerLeftY();
        return new Box(minX + dx, minY + dy, maxX + dx, maxY + dy);
    }
}
