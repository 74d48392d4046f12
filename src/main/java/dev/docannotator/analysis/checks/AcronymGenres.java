package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.AcronymScope;
import dev.docannotator.analysis.text.Genre;

/**
 * In which genres the undefined-acronyms check looks for acronyms when the user did not name acronyms
 * ({@link AcronymScope#BY_GENRE}). Whether an acronym needs its words depends on what the reader knows, and a manual
 * page's or a README's reader knows most of what their authors leave unexpanded: on the sets judged on first exposure
 * the findings still reported were right 5 times in 11 on manual pages (FHS and FSSTND in three sibling man-db
 * pages, grep's SGR; DBM, SCO, PKZIP, GSSAPI, ROFF, GECOS false) and 12 in 33 in technical documentation (PKZIP,
 * LLVM, MSVC, OSX, SIL, IANA … names their readers know), with no feature of the text found that tells the two apart
 * (BENCHMARKS.md, session 14: genre11). Licences and other writing (reports, plans, papers: the KPI or SLA a reader
 * is asked to know) keep the check.
 */
final class AcronymGenres {
    private AcronymGenres() {
    }

    /** Whether a document of {@code genre} is read for acronyms under {@code scope}. */
    static boolean reads(AcronymScope scope, Genre genre) {
        return scope == AcronymScope.ALL || !genre.isDocumentation();
    }
}
