package dev.docannotator.analysis;

/**
 * Which documents the undefined-acronyms check reads. Whether an acronym needs its words depends on what the intended
 * reader knows (an administrator reading a manual page, a developer reading a README), which a checker cannot know
 * well: on manual pages and READMEs nobody tuned on most acronyms flagged were names their readers know (PKZIP, LLVM,
 * GSSAPI). Asked for with everything else ("check everything", 全部检查), acronyms are looked for only outside such
 * documentation; asked for by name (acronyms, abbreviations, 缩写) they are looked for in every document.
 */
public enum AcronymScope {
    /** Licences, reports, plans and other writing, not manual pages or software documentation: the broad ask. */
    BY_GENRE("by_genre"),
    /** Every document: the user named acronyms or abbreviations. */
    ALL("all");

    private final String id;

    AcronymScope(String id) {
        this.id = id;
    }

    /** The name in the result's {@code checks} parameters. */
    public String id() {
        return id;
    }
}
