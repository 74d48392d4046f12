package dev.docannotator.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The parameters a requirement can set: the long-sentence limits (English words, Chinese characters), the English
 * variant for grammar and spelling and whether the requirement named it, the terms whose spelling the user wants kept
 * consistent, which passives to report (all of them only when passives were asked for by name), which documents
 * are read for vague words (technical documentation too only when vague words were asked for by name), which
 * grammar findings are reported (all of them only when grammar or spelling was asked for by name) and which documents
 * are read for undefined acronyms (documentation too only when acronyms were asked for by name).
 */
public record CheckSettings(int maxWords, int maxChineseChars, EnglishVariant variant, List<String> consistencyTerms,
                            PassiveScope passives, boolean variantNamed, VagueScope vagueWords, GrammarScope grammar,
                            AcronymScope acronyms) {
    /** The limits the long-sentence check used before it read them from the requirement. */
    public static final int DEFAULT_MAX_WORDS = 40;
    public static final int DEFAULT_MAX_CHINESE_CHARS = 80;

    public CheckSettings {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(passives, "passives");
        Objects.requireNonNull(vagueWords, "vagueWords");
        Objects.requireNonNull(grammar, "grammar");
        Objects.requireNonNull(acronyms, "acronyms");
        consistencyTerms = List.copyOf(consistencyTerms);
        if (maxWords < 1 || maxChineseChars < 1) {
            throw new IllegalArgumentException("Sentence limits must be positive");
        }
    }

    /** The same settings with {@code scope} for the passive-voice check. */
    public CheckSettings withPassives(PassiveScope scope) {
        return new CheckSettings(maxWords, maxChineseChars, variant, consistencyTerms, scope, variantNamed, vagueWords,
                grammar, acronyms);
    }

    /** The same settings with {@code scope} for the vague-words check. */
    public CheckSettings withVagueWords(VagueScope scope) {
        return new CheckSettings(maxWords, maxChineseChars, variant, consistencyTerms, passives, variantNamed, scope,
                grammar, acronyms);
    }

    /** The same settings with {@code scope} for the grammar check. */
    public CheckSettings withGrammar(GrammarScope scope) {
        return new CheckSettings(maxWords, maxChineseChars, variant, consistencyTerms, passives, variantNamed,
                vagueWords, scope, acronyms);
    }

    /** The same settings with {@code scope} for the undefined-acronyms check. */
    public CheckSettings withAcronyms(AcronymScope scope) {
        return new CheckSettings(maxWords, maxChineseChars, variant, consistencyTerms, passives, variantNamed,
                vagueWords, grammar, scope);
    }

    /** The defaults with American English. */
    public static CheckSettings defaults() {
        return defaults(EnglishVariant.AMERICAN);
    }

    /** The defaults with the server's English variant. */
    public static CheckSettings defaults(EnglishVariant variant) {
        // passives hiding an actor, vague words outside documentation, grammar and acronyms by genre: what the broad ask
        // reports
        return new CheckSettings(DEFAULT_MAX_WORDS, DEFAULT_MAX_CHINESE_CHARS, variant, List.of(),
                PassiveScope.HIDDEN_ACTOR, false, VagueScope.OUTSIDE_DOCUMENTATION, GrammarScope.BY_GENRE,
                AcronymScope.BY_GENRE);
    }
}
