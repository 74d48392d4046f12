package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.OptionSyntax;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.document.ExtractedText;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the steps of one analysis know about the whole document, computed once when a step first asks and shared by
 * the later ones: each ranked style check used to judge the genre of the whole text again (a scan of the document
 * per check, 50–150 ms on 320 000 characters). Results do not depend on which step computed it first.
 */
public final class DocumentFacts {
    private final ExtractedText text;
    private volatile Genre genre;
    private volatile OptionSyntax options;
    /** Each block's text masked for the prose checks, by block index; null until a check first reads it. */
    private final AtomicReferenceArray<String> masked;

    public DocumentFacts(ExtractedText text) {
        this.text = text;
        this.masked = new AtomicReferenceArray<>(text.blocks().size());
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

    /**
     * Block {@code index} of the text masked for the prose checks ({@link ProseMask}), same length as the block. The
     * block step and five document-wide checks read it; each masked every block again before.
     */
    public String maskedBlock(int index) {
        String known = masked.get(index);
        if (known == null) {
            known = ProseMask.mask(text.blockText(text.blocks().get(index))).text();
            masked.set(index, known);
        }
        return known;
    }
}
