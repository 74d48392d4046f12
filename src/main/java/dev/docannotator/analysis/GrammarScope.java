package dev.docannotator.analysis;

/**
 * Which documents the grammar check reads. Asked for with everything else ("check everything", 全部检查), grammar does
 * not read manual pages and READMEs, where on documents nobody tuned on about a quarter of what it reported was a real
 * slip (the grammar package's {@code GenreRules}); asked for by name ("check spelling", "proofread", 语法, 错别字) it
 * reads every document and reports every slip it finds.
 */
public enum GrammarScope {
    /** Licences, reports and other writing, not manual pages or software documentation: the broad ask. */
    BY_GENRE("by_genre"),
    /** Every document, every category of slips: the user named grammar or spelling. */
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
