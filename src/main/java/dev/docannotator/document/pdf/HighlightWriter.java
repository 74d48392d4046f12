package dev.docannotator.document.pdf;

import dev.docannotator.document.ReviewTexts;
import dev.docannotator.analysis.Annotation;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;

/**
 * Adds one annotation to one page: a yellow highlight whose quads cover the quoted glyphs, titled
 * {@value #TITLE}, with the finding as its note and a closed popup to show it.
 */
final class HighlightWriter {
    static final String TITLE = "DocAnnotator";
    private static final float POPUP_WIDTH = 220;
    private static final float POPUP_HEIGHT = 120;

    private final PDDocument document;
    private final ReviewTexts texts;

    HighlightWriter(PDDocument document, ReviewTexts texts) {
        this.document = document;
        this.texts = texts;
    }

    /** Highlights {@code segments} (one quad per line segment) on {@code page}. */
    void highlight(PDPage page, List<Quad> segments, Annotation annotation) throws IOException {
        float[] quadPoints = new float[segments.size() * 8];
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < segments.size(); i++) {
            Quad quad = segments.get(i);
            System.arraycopy(quad.toQuadPoints(), 0, quadPoints, i * 8, 8);
            minX = Math.min(minX, quad.minX());
            minY = Math.min(minY, quad.minY());
            maxX = Math.max(maxX, quad.maxX());
            maxY = Math.max(maxY, quad.maxY());
        }
        PDRectangle rect = new PDRectangle(minX, minY, maxX - minX, maxY - minY);

        Calendar now = Calendar.getInstance();
        PDAnnotationHighlight highlight = new PDAnnotationHighlight();
        highlight.setQuadPoints(quadPoints);
        highlight.setRectangle(rect);
        highlight.setColor(new PDColor(new float[] {1, 1, 0}, PDDeviceRGB.INSTANCE));
        highlight.setTitlePopup(TITLE);
        highlight.setContents(contents(annotation, texts));
        if (annotation.category() != null) {
            highlight.setSubject(annotation.category());
        }
        if (annotation.id() != null) {
            highlight.setAnnotationName("docannotator-" + annotation.id());
        }
        highlight.setCreationDate(now);
        highlight.setModifiedDate(now);
        highlight.setPrinted(true);
        highlight.setPage(page);

        PDAnnotationPopup popup = new PDAnnotationPopup();
        popup.setRectangle(popupRectangle(page.getCropBox(), rect));
        popup.setOpen(false);
        popup.setParent(highlight);
        popup.setPage(page);
        highlight.setPopup(popup);

        // Without an appearance stream some viewers (and every printer) show nothing.
        highlight.constructAppearances(document);

        List<PDAnnotation> annotations = page.getAnnotations();
        annotations.add(highlight);
        annotations.add(popup);
        page.setAnnotations(annotations);
    }

    static String contents(Annotation annotation, ReviewTexts texts) {
        String message = annotation.message() == null ? "" : annotation.message();
        if (annotation.suggestion() == null || annotation.suggestion().isBlank()) {
            return message;
        }
        return message + "\n" + texts.suggestion(annotation.suggestion());
    }

    /** Beside the highlight, kept inside the visible page area. */
    private static PDRectangle popupRectangle(PDRectangle crop, PDRectangle anchor) {
        float width = Math.min(POPUP_WIDTH, crop.getWidth());
        float height = Math.min(POPUP_HEIGHT, crop.getHeight());
        float x = Math.min(anchor.getUpperRightX() + 4, crop.getUpperRightX() - width);
        float y = Math.min(anchor.getUpperRightY(), crop.getUpperRightY()) - height;
        x = Math.max(x, crop.getLowerLeftX());
        y = Math.max(y, crop.getLowerLeftY());
        return new PDRectangle(x, y, width, height);
    }
}
