package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.document.ExtractedText;

/**
 * How many findings of one category a document gets one by one, and which are the strongest: past the limit a
 * reader stops reading, so the rest are summarised in one annotation. Legal texts get a lower limit for the style
 * checks whose findings are that genre's conventions.
 */
record Ranking(int limit, int legalLimit, Scorer scorer) {

    /** How strong a finding is; higher is shown first. */
    @FunctionalInterface
    interface Scorer {
        double score(Annotation finding, ExtractedText text);
    }

    /** Every finding weighs the same: the first ones in the document are kept. */
    static Ranking inOrder(int limit) {
        return new Ranking(limit, limit, (a, t) -> 0);
    }

    int limitFor(Genre genre) {
        return genre == Genre.LEGAL ? legalLimit : limit;
    }
}
