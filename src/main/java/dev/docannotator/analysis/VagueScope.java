package dev.docannotator.analysis;

/**
 * Which documents the vague-words check reads. A vague word matters where its author commits to something a reader
 * will hold them to (a contract, a plan, a specification); documentation of software — READMEs, FAQs, manual pages —
 * explains what a program does, and on real ones nearly every vague word flagged was ordinary prose (BENCHMARKS.md,
 * issue 12). So unless the user asks for vague words by name, technical documentation is not read for them.
 */
public enum VagueScope {
    /** Every genre but technical documentation and manual pages: the default. */
    OUTSIDE_DOCUMENTATION("outside_documentation"),
    /** Every document: the user asked for vague words. */
    ALL_DOCUMENTS("all_documents");

    private final String id;

    VagueScope(String id) {
        this.id = id;
    }

    /** The name in the result's {@code checks} parameters. */
    public String id() {
        return id;
    }
}
