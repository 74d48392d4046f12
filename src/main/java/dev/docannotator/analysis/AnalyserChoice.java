package dev.docannotator.analysis;

import java.util.Locale;
import java.util.Optional;

/** Which analysers a task runs: the built-in checks, the language model, or both. */
public enum AnalyserChoice {
    RULES, LLM, BOTH;

    /** The API name: "rules", "llm", "both". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesModel() {
        return this != RULES;
    }

    public boolean usesRules() {
        return this != LLM;
    }

    /** The choice named {@code id}, or empty when it names none. */
    public static Optional<AnalyserChoice> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (AnalyserChoice choice : values()) {
            if (choice.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /** The default: both when a model is configured, the rules otherwise. */
    public static AnalyserChoice defaultFor(boolean modelConfigured) {
        return modelConfigured ? BOTH : RULES;
    }
}
