package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.ExtractedText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.util.Matrix;

/** Builds the PDFs the tests read and annotate, with PDFBox and the Standard 14 font Helvetica unless a page says. */
final class TestPdfs {
    static final float FONT_SIZE = 12;
    static final float LINE_GAP = 14;
    /** An empty line in a page spec: a gap wide enough for PDFBox to start a new paragraph. */
    static final String PARAGRAPH_BREAK = "";

    private TestPdfs() {
    }

    /**
     * One page: its lines of text, top to bottom as a reader sees them, its /Rotate and an optional crop box.
     * The text is drawn so that it reads left to right on screen whatever the rotation.
     */
    record PageSpec(List<String> lines, int rotation, PDRectangle cropBox, PageFont font) {
        PageSpec(List<String> lines, int rotation, PDRectangle cropBox) {
            this(lines, rotation, cropBox, PageFont.HELVETICA);
        }

        static PageSpec of(String... lines) {
            return new PageSpec(List.of(lines), 0, null);
        }

        PageSpec rotated(int degrees) {
            return new PageSpec(lines, degrees, cropBox, font);
        }

        PageSpec cropped(PDRectangle crop) {
            return new PageSpec(lines, rotation, crop, font);
        }

        PageSpec setIn(PageFont pageFont) {
            return new PageSpec(lines, rotation, cropBox, pageFont);
        }
    }

    /**
     * The font a page is set in: a Standard 14 font under its own name, or its glyphs and widths declared under
     * another name with a descriptor that does not flag it fixed-pitch, as TeX's embedded subsets are
     * ("ABCDEF+CMTT10"): then only the name tells what the font is.
     */
    record PageFont(Standard14Fonts.FontName metrics, String declaredName) {
        static final PageFont HELVETICA = new PageFont(Standard14Fonts.FontName.HELVETICA, null);

        static PageFont standard(Standard14Fonts.FontName name) {
            return new PageFont(name, null);
        }

        static PageFont declaredAs(String name, Standard14Fonts.FontName metrics) {
            return new PageFont(metrics, name);
        }

        PDFont create() {
            PDType1Font standard = new PDType1Font(metrics);
            if (declaredName == null) {
                return standard;
            }
            try {
                return renamed(standard);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private PDFont renamed(PDType1Font standard) throws IOException {
            COSArray widths = new COSArray();
            for (int code = FIRST_CHAR; code <= LAST_CHAR; code++) {
                widths.add(new COSFloat(standard.getWidth(code)));
            }
            PDFontDescriptor descriptor = new PDFontDescriptor(new COSDictionary());
            descriptor.setFontName(declaredName);
            descriptor.setNonSymbolic(true); // and not fixed-pitch, as a subset's descriptor often leaves it
            descriptor.setFontBoundingBox(standard.getFontDescriptor().getFontBoundingBox());
            descriptor.setAscent(standard.getFontDescriptor().getAscent());
            descriptor.setDescent(standard.getFontDescriptor().getDescent());
            descriptor.setCapHeight(standard.getFontDescriptor().getCapHeight());
            descriptor.setItalicAngle(0);
            descriptor.setStemV(standard.getFontDescriptor().getStemV());
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE1);
            font.setName(COSName.BASE_FONT, declaredName);
            font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
            font.setInt(COSName.FIRST_CHAR, FIRST_CHAR);
            font.setInt(COSName.LAST_CHAR, LAST_CHAR);
            font.setItem(COSName.WIDTHS, widths);
            font.setItem(COSName.FONT_DESC, descriptor);
            return new PDType1Font(font);
        }

        private static final int FIRST_CHAR = 32;
        private static final int LAST_CHAR = 126;
    }

    static Path write(Path file, PageSpec... pages) throws IOException {
        try (PDDocument document = build(pages)) {
            document.save(file.toFile());
        }
        return file;
    }

    static PDDocument build(PageSpec... pages) throws IOException {
        PDDocument document = new PDDocument();
        Map<PageFont, PDFont> fonts = new HashMap<>(); // one font object a document, as a writer makes it
        for (PageSpec spec : pages) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            page.setRotation(spec.rotation());
            if (spec.cropBox() != null) {
                page.setCropBox(spec.cropBox());
            }
            document.addPage(page);
            PDRectangle box = page.getCropBox();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(fonts.computeIfAbsent(spec.font(), PageFont::create), FONT_SIZE);
                float down = 60;
                for (String line : spec.lines()) {
                    if (!line.isEmpty()) {
                        content.setTextMatrix(lineMatrix(spec.rotation(), box, 50, down));
                        content.showText(line);
                    }
                    down += line.isEmpty() ? 2 * LINE_GAP : LINE_GAP;
                }
                content.endText();
            }
        }
        return document;
    }

    /** A text matrix starting a line {@code right} from the left and {@code down} from the top of the displayed page. */
    private static Matrix lineMatrix(int rotation, PDRectangle box, float right, float down) {
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, box.getLowerLeftX() + down, box.getLowerLeftY() + right);
            case 180 -> new Matrix(-1, 0, 0, -1, box.getUpperRightX() - right, box.getLowerLeftY() + down);
            case 270 -> new Matrix(0, -1, 1, 0, box.getUpperRightX() - down, box.getUpperRightY() - right);
            default -> new Matrix(1, 0, 0, 1, box.getLowerLeftX() + right, box.getUpperRightY() - down);
        };
    }

    /** A PDF encrypted with both passwords, or with an owner password only when {@code userPassword} is empty. */
    static Path writeEncrypted(Path file, String ownerPassword, String userPassword, PageSpec... pages) throws IOException {
        try (PDDocument document = build(pages)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /** A "scanned" page: one image and no text layer. */
    static Path writeImageOnly(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) {
                for (int y = 0; y < 100; y++) {
                    image.setRGB(x, y, (x / 10 + y / 10) % 2 == 0 ? 0xFFFFFF : 0x202020);
                }
            }
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xObject, 50, 500, 400, 200);
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** A finding on the first occurrence of {@code quote} in {@code text}, anchored as the analyser anchors one. */
    static Annotation finding(ExtractedText text, String quote, String message, String suggestion) {
        int start = text.text().indexOf(quote);
        assertThat(start).as("quote %s in the text", quote).isGreaterThanOrEqualTo(0);
        return new Annotation("a" + start, start, start + quote.length(), quote, null, null,
                "style", "warning", message, suggestion, "test-rule");
    }

    /**
     * Applies {@code annotations} to {@code input} (read as {@code text}), saves {@code output} and returns the
     * highlights on its page {@code page}.
     */
    static List<PDAnnotationHighlight> highlightsAfterApply(PdfHandler handler, Path input, ExtractedText text,
                                                            List<Annotation> annotations, Path output, int page)
            throws IOException {
        try (ApplySession session = handler.openForApply(input, text)) {
            session.apply(annotations);
            session.save(output);
        }
        List<PDAnnotationHighlight> highlights = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(output.toFile())) {
            for (PDAnnotation annotation : document.getPage(page).getAnnotations()) {
                if (annotation instanceof PDAnnotationHighlight h) {
                    highlights.add(h);
                }
            }
        }
        return highlights;
    }
}
