package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.OptionSyntax;
import dev.docannotator.document.ExtractedText;

/**
 * What the steps of one analysis know about the whole document, computed once when a step first asks and shared by
 * the later ones: each ranked style check used to judge the genre of the whole text again (a scan of the document
 * per check, 50–150 ms on 320 000 characters). Results do not depend on which step computed it first.
 */
public final class DocumentFacts {
    private final ExtractedText text;
    private volatile Genre genre;
    private volatile OptionSyntax options;

    public DocumentFacts(ExtractedText text) {
        this.text = text;
    }

    public ExtractedText text() {
        return text;
    }

    /** The document's genre ({@link Genre#of}), judged once. */
    public Genre genre() {
        Genre known = genre;
        if (known == null) {
            known = Genre.of(text.text());
            genre = known;
        }
        return known;
    }

    /**
     * The document's command-line syntax ({@link OptionSyntax}: options, their values and placeholders), read once for
     * the grammar, repeated-words, terms and markers checks, which each scanned the whole text for options before.
     */
    public OptionSyntax optionSyntax() {
        OptionSyntax known = options;
        if (known == null) {
            known = OptionSyntax.of(text.text());
            options = known;
        }
        return known;
    }
}
