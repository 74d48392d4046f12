package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.EnglishTagging;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a word in capitals is an ordinary English word set in capitals (NOTICE, TITLE, ACTION, WHEN, FORMAT): its
 * lower-case form has a part of speech in LanguageTool's English dictionary (the POS dictionary its tagger uses). A
 * reader knows such a word without a definition; an abbreviation (SLA, FHS, WIPO, ABI) has no entry there. LanguageTool's
 * speller is no guide for this: it accepts FHS, SAK and WIPO as they are, in capitals. Four letters or more: three
 * capitals that spell a word are as often an abbreviation of their own (CAB, a change advisory board; SOW, a statement
 * of work) as the word, and shorter entries are letters' plurals and interjections (ls, mm).
 */
final class EnglishWords {
    private static final int MIN_LETTERS = 4;

    private EnglishWords() {
    }

    static boolean isWordInCapitals(String capitals) {
        if (capitals.length() < MIN_LETTERS) {
            return false;
        }
        return isInDictionary(capitals.toLowerCase(Locale.ROOT));
    }

    /** Whether the lower-case {@code word} has a part of speech in LanguageTool's English dictionary. */
    static boolean isInDictionary(String word) {
        return EnglishTagging.tagger().tag(List.of(word)).get(0).isTagged();
    }

    /**
     * Whether every reading of the lower-case word is an adjective ({@code new}, not {@code white}, which is also a
     * noun): before a noun it describes the noun ("a new line of input"), it does not make a compound with it.
     */
    static boolean isOnlyAnAdjective(String word) {
        var readings = EnglishTagging.tagger().tag(List.of(word.toLowerCase(Locale.ROOT))).get(0);
        return readings.isTagged() && readings.getReadings().stream()
                .allMatch(r -> r.getPOSTag() != null && r.getPOSTag().startsWith("JJ"));
    }

    /**
     * Whether the lower-case word can be a function word or an adverb (this, some, with, would, only): such a word
     * carries no term ("this change" is no TC). Read from the tagger's closed classes, not a list of our own.
     */
    static boolean canBeAFunctionWord(String word) {
        return EnglishTagging.tagger().tag(List.of(word)).get(0).getReadings().stream()
                .anyMatch(r -> r.getPOSTag() != null && FUNCTION_TAGS.contains(r.getPOSTag()));
    }

    /** Penn Treebank's closed classes (determiners, prepositions, pronouns, modals, conjunctions …) and adverbs. */
    private static final Set<String> FUNCTION_TAGS = Set.of(
            "DT", "PDT", "IN", "TO", "CC", "EX", "MD", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "RB");
}
