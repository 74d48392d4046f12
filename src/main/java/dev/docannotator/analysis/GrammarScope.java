package dev.docannotator.analysis;

/**
 * Which of the grammar check's findings are reported. Asked for with everything else ("check everything", 全部检查),
 * grammar says in a manual page or a README only what the labels of documents nobody tuned on showed to be worth
 * reading there (the grammar package's {@code GenreRules}); asked for by name ("check spelling", "proofread", 语法,
 * 错别字) it reports every slip it finds in every genre.
 */
public enum GrammarScope {
    /** The categories whose precision on unseen documents of the document's genre was high: the broad ask. */
    BY_GENRE("by_genre"),
    /** Every category of slips, in every genre: the user named grammar or spelling. */
    ALL("all");

    private final String id;

    GrammarScope(String id) {
        this.id = id;
    }

    /** The name in the result's {@code checks} parameters. */
    public String id() {
        return id;
    }
}
