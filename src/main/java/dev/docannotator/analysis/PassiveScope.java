package dev.docannotator.analysis;

/**
 * Which passives the passive-voice check reports. Technical and legal writing is passive by convention ("is set to",
 * "shall be deemed"): on real manuals and licences almost no passive was worth a comment (BENCHMARKS.md, issue 12), so
 * unless the user asks for passives by name only those that hide an actor who matters are reported.
 */
public enum PassiveScope {
    /** Passives that hide who decides, approves or must act, and those whose agent could simply be the subject. */
    HIDDEN_ACTOR("hidden_actor"),
    /** Every passive, ranked: the user asked for passive voice. */
    ALL("all");

    private final String id;

    PassiveScope(String id) {
        this.id = id;
    }

    /** The name in the result's {@code checks} parameters. */
    public String id() {
        return id;
    }
}
