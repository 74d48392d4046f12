package dev.docannotator.analysis;

/**
 * One finding, anchored to {@code text.substring(start, end)} of the document's extracted text.
 * {@code id} is null until the pipeline numbers the finding; {@code page}, {@code paragraph} and
 * {@code suggestion} may be null. {@code severity} is "info", "warning" or "error".
 */
public record Annotation(String id, int start, int end, String quote, Integer page, Integer paragraph,
                         String category, String severity, String message, String suggestion, String rule) {

    public Annotation withId(String newId) {
        return new Annotation(newId, start, end, quote, page, paragraph, category, severity, message, suggestion, rule);
    }

    public Annotation withLocation(Integer newPage, Integer newParagraph) {
        return new Annotation(id, start, end, quote, newPage, newParagraph, category, severity, message, suggestion, rule);
    }
}
