package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.document.ExtractedText;

/**
 * How many findings of one category a document gets one by one, and which are the strongest: past the limit a
 * reader stops reading, so the rest are summarised in one annotation. Licences and regulations, and manual pages, get
 * a lower limit for the style checks whose findings are that genre's conventions ("shall be deemed"; "is ignored",
 * "are printed"); other technical documentation (READMEs, FAQs) gets the manual pages' limit.
 */
record Ranking(int limit, int legalLimit, int manualLimit, Scorer scorer) {

    /** How strong a finding is; higher is shown first. */
    @FunctionalInterface
    interface Scorer {
        double score(Annotation finding, ExtractedText text);
    }

    /** The same limit in manual pages as in general writing. */
    Ranking(int limit, int legalLimit, Scorer scorer) {
        this(limit, legalLimit, limit, scorer);
    }

    /** Every finding weighs the same: the first ones in the document are kept. */
    static Ranking inOrder(int limit) {
        return new Ranking(limit, limit, limit, (a, t) -> 0);
    }

    int limitFor(Genre genre) {
        return switch (genre) {
            case LEGAL -> legalLimit;
            // a README or a FAQ documents software in the register of its manual pages
            case MANUAL, TECHNICAL -> manualLimit;
            case GENERAL -> limit;
        };
    }

    /** Whether {@code genre} lowers the limit: then the summary says that the genre is why. */
    boolean lowersFor(Genre genre) {
        return limitFor(genre) < limit;
    }
}
