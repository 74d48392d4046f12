package dev.docannotator.analysis;

import java.util.Objects;

/** Settings of the embedded analyser. */
public record AnalyserOptions(EnglishVariant englishVariant) {
    public AnalyserOptions {
        Objects.requireNonNull(englishVariant, "englishVariant");
    }

    /** American English. */
    public static AnalyserOptions defaults() {
        return new AnalyserOptions(EnglishVariant.AMERICAN);
    }
}
