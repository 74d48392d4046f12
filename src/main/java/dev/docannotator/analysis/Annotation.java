package dev.docannotator.analysis;

/**
 * One finding, anchored to {@code text.substring(start, end)} of the document's extracted text.
 * {@code id} is null until the pipeline numbers the finding; {@code page}, {@code paragraph} and
 * {@code suggestion} may be null. {@code severity} is "info", "warning" or "error". {@code source} says who found
 * it: "rules" (the built-in checks) or "llm" (the language model); a checkpoint from before sources were kept
 * reads as "rules".
 */
public record Annotation(String id, int start, int end, String quote, Integer page, Integer paragraph,
                         String category, String severity, String message, String suggestion, String rule,
                         String source) {
    public static final String RULES = "rules";
    public static final String LLM = "llm";

    public Annotation {
        source = source == null ? RULES : source;
    }

    /** A finding of the built-in checks. */
    public Annotation(String id, int start, int end, String quote, Integer page, Integer paragraph,
                      String category, String severity, String message, String suggestion, String rule) {
        this(id, start, end, quote, page, paragraph, category, severity, message, suggestion, rule, RULES);
    }

    public Annotation withId(String newId) {
        return new Annotation(newId, start, end, quote, page, paragraph, category, severity, message, suggestion, rule,
                source);
    }

    public Annotation withLocation(Integer newPage, Integer newParagraph) {
        return new Annotation(id, start, end, quote, newPage, newParagraph, category, severity, message, suggestion, rule,
                source);
    }
}
