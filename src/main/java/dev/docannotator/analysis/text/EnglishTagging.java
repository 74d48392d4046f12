package dev.docannotator.analysis.text;

import org.languagetool.tagging.en.EnglishTagger;

/**
 * LanguageTool's English part-of-speech tagger, one for the process: the instance LanguageTool's own English
 * ({@code English.createDefaultTagger()}, every variant) hands to its rules, so the checks that ask for a word's parts
 * of speech share it and its dictionary with the grammar check instead of loading a second copy. Created on first use
 * (the class {@link EnglishTagger} is initialised then), so documents no check asks about never pay for it.
 * Thread-safe: LanguageTool's threads share it too.
 */
public final class EnglishTagging {
    private EnglishTagging() {
    }

    public static EnglishTagger tagger() {
        return EnglishTagger.INSTANCE;
    }
}
