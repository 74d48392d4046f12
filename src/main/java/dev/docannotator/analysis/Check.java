package dev.docannotator.analysis;

/** The checks a requirement can select. The id is the annotation's category. */
public enum Check {
    TERMS("terms"),
    LONG_SENTENCE("long_sentence"),
    PASSIVE_VOICE("passive_voice"),
    VAGUE_WORDS("vague_words"),
    REPEATED_WORDS("repeated_words"),
    INCONSISTENT_TERMS("inconsistent_terms"),
    UNDEFINED_ACRONYMS("undefined_acronyms"),
    TODO_MARKERS("todo_markers"),
    NUMBER_MISMATCH("number_mismatch"),
    /** Commonly confused Chinese words (既使 for 即使), from a curated list. */
    TYPOS_ZH("typos_zh"),
    GRAMMAR("grammar");

    private final String id;

    Check(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
