package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the findings of one step. Checks report block-local offsets; this turns them into annotations
 * anchored in the whole extracted text (quote = the exact substring), then sorts them into document order
 * and drops exact duplicates.
 */
public final class Findings {
    private static final Comparator<Annotation> DOCUMENT_ORDER = Comparator
            .comparingInt(Annotation::start)
            .thenComparingInt(Annotation::end)
            .thenComparing(Annotation::category)
            .thenComparing(Annotation::rule)
            .thenComparing(Annotation::message)
            .thenComparing(a -> Objects.toString(a.suggestion(), ""));

    /**
     * Most findings of one category kept from one step. A step reads at most one window of a block (a few thousand
     * characters) or runs one document check, so a huge paragraph is capped per window, like the same text in
     * several paragraphs would be.
     */
    public static final int MAX_PER_CATEGORY = 200;

    private final ExtractedText text;
    private final DocumentFacts facts;
    private final Language language;
    private final Messages messages;
    private final List<Annotation> found = new ArrayList<>();

    /** Findings in English. */
    public Findings(ExtractedText text) {
        this(text, Language.ENGLISH);
    }

    /** Findings whose messages are written in {@code language} (the language the user reads). */
    public Findings(ExtractedText text, Language language) {
        this(new DocumentFacts(text), language);
    }

    /** Findings of one step of a session whose steps share {@code facts} about the document. */
    public Findings(DocumentFacts facts, Language language) {
        this.text = facts.text();
        this.facts = facts;
        this.language = language;
        this.messages = new Messages("checks", language.locale());
    }

    /** The language the reader reads, in which {@link #message} writes. */
    public Language language() {
        return language;
    }

    /** A finding's message from the {@code checks} bundle, in the reader's language. */
    public String message(String key, Object... args) {
        return messages.get(key, args);
    }

    public ExtractedText text() {
        return text;
    }

    /** What is known about the whole document, shared by the steps of one session. */
    public DocumentFacts facts() {
        return facts;
    }

    /** Reports {@code [localStart, localEnd)} of {@code block}; the span must lie inside the block and be non-empty. */
    public void add(TextBlock block, int localStart, int localEnd, Check check, Severity severity,
                    String message, String suggestion, String rule) {
        if (localStart < 0 || localEnd <= localStart || localEnd > block.length()) {
            throw new IllegalArgumentException("Span [" + localStart + ", " + localEnd + ") is outside a block of "
                    + block.length() + " characters");
        }
        int start = block.start() + localStart;
        int end = block.start() + localEnd;
        found.add(new Annotation(null, start, end, text.text().substring(start, end), block.page(), block.paragraph(),
                check.id(), severity.id(), message, suggestion, rule));
    }

    /** Adds a finding already anchored in the whole text (a ranked finding or a summary built from one). */
    void add(Annotation anchored) {
        if (!anchored.quote().equals(text.text().substring(anchored.start(), anchored.end()))) {
            throw new IllegalArgumentException("The quote of " + anchored + " is not the text at its offsets");
        }
        found.add(anchored);
    }

    /** Everything reported, in document order, without exact duplicates and without the per-category cap. */
    List<Annotation> all() {
        List<Annotation> copy = new ArrayList<>(found);
        copy.sort(DOCUMENT_ORDER);
        return List.copyOf(new LinkedHashSet<>(copy));
    }

    /**
     * What was reported, in document order, without exact duplicates, and at most {@link #MAX_PER_CATEGORY} of one
     * category (the first ones): past that a hostile or broken text would only flood the stream and the document.
     */
    public List<Annotation> sorted() {
        Map<String, Integer> perCategory = new HashMap<>();
        List<Annotation> kept = new ArrayList<>();
        for (Annotation a : all()) {
            if (perCategory.merge(a.category(), 1, Integer::sum) <= MAX_PER_CATEGORY) {
                kept.add(a);
            }
        }
        return List.copyOf(kept);
    }
}
