package dev.docannotator.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The parameters a requirement can set: the long-sentence limits (English words, Chinese characters), the English
 * variant for grammar and spelling, and the terms whose spelling the user wants kept consistent.
 */
public record CheckSettings(int maxWords, int maxChineseChars, EnglishVariant variant, List<String> consistencyTerms) {
    /** The limits the long-sentence check used before it read them from the requirement. */
    public static final int DEFAULT_MAX_WORDS = 40;
    public static final int DEFAULT_MAX_CHINESE_CHARS = 80;

    public CheckSettings {
        Objects.requireNonNull(variant, "variant");
        consistencyTerms = List.copyOf(consistencyTerms);
        if (maxWords < 1 || maxChineseChars < 1) {
            throw new IllegalArgumentException("Sentence limits must be positive");
        }
    }

    /** The defaults with American English. */
    public static CheckSettings defaults() {
        return defaults(EnglishVariant.AMERICAN);
    }

    /** The defaults with the server's English variant. */
    public static CheckSettings defaults(EnglishVariant variant) {
        return new CheckSettings(DEFAULT_MAX_WORDS, DEFAULT_MAX_CHINESE_CHARS, variant, List.of());
    }
}
