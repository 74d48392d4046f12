package dev.docannotator.analysis;

/**
 * Which vague words the vague-words check reports, and where. A vague word matters where its author commits to
 * something a reader will hold them to (a contract, a plan, a specification); documentation of software — READMEs,
 * FAQs, manual pages — explains what a program does, and on real ones nearly every vague word flagged was ordinary
 * prose (BENCHMARKS.md, issue 12). And a hedge ("perhaps more importantly", 也许), a degree word ("quite another"), a
 * quantifier or a condition left to someone's discretion (必要时, "as needed") is the author's voice: on real general
 * writing every one the broad ask reported was judged false. So unless the user asks for vague words by name, technical
 * documentation is not read for them, and elsewhere only the words that withhold a date, a figure or a checkable
 * standard are reported.
 */
public enum VagueScope {
    /**
     * The broad ask and the default set: every genre but technical documentation and manual pages, and there only the
     * words that withhold a date ("in the near future", 尽快), a figure ("approximately in half", 可能比平时多) or a
     * standard ("sufficiently detailed", "where appropriate").
     */
    OUTSIDE_DOCUMENTATION("outside_documentation"),
    /** Every document and every kind of vague word: the user asked for vague words. */
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
