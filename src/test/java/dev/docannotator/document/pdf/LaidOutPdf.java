package dev.docannotator.document.pdf;

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
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds PDFs whose lines are set as a typesetter would: each line in its own font and size at its own place, so that
 * tests can lay out headings, table rows and code as real documents do. Positions are in points from the top left.
 */
final class LaidOutPdf {
    /** The fonts a line can be set in; {@link #NIMBUS_MONO} is a fixed-pitch face whose name does not say "mono". */
    enum Face {
        REGULAR, BOLD, COURIER, NIMBUS_MONO
    }

    /** One run of text: {@code text} in {@code face} at {@code size} pt, starting {@code x} right and {@code y} down. */
    record Run(Face face, float size, float x, float y, String text) {
    }

    private final List<List<Run>> pages = new ArrayList<>();

    LaidOutPdf page() {
        pages.add(new ArrayList<>());
        return this;
    }

    LaidOutPdf run(Face face, float size, float x, float y, String text) {
        pages.get(pages.size() - 1).add(new Run(face, size, x, y, text));
        return this;
    }

    /** Lines of running text in 10 pt Helvetica from {@code y} down, 12 pt apart, starting {@code x} right. */
    LaidOutPdf body(float x, float y, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            run(Face.REGULAR, 10, x, y + 12 * i, lines[i]);
        }
        return this;
    }

    Path write(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            PDFont nimbusMono = nimbusMono();
            for (List<Run> runs : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                float top = page.getMediaBox().getUpperRightY();
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Run run : runs) {
                        PDFont font = switch (run.face()) {
                            case REGULAR -> regular;
                            case BOLD -> bold;
                            case COURIER -> courier;
                            case NIMBUS_MONO -> nimbusMono;
                        };
                        content.beginText();
                        content.setFont(font, run.size());
                        content.newLineAtOffset(run.x(), top - run.y());
                        content.showText(run.text());
                        content.endText();
                    }
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * URW's Courier clone as DocBook and groff PDFs name it, {@code NimbusMonL-Regu}, without a descriptor flag saying
     * it is fixed-pitch: a Type 1 font not embedded, drawn with Courier's metrics by viewers and PDFBox alike.
     */
    private static PDFont nimbusMono() throws IOException {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, "NimbusMonL-Regu");
        font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
        return new PDType1Font(font);
    }
}
