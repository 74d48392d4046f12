package dev.docannotator.analysis.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.tagging.Tagger;

/**
 * Whether a word the dictionary does not know is built by English's regular rules from one it does: a prefix
 * (un-, non-, re-, de-, pre-), a verb taking -able ("hash" → "hashable", "decode" →
 * "decodable"), a word in -e taking -d ("inline" → "inlined"). Technical writing coins such words every day; a
 * spelling checker's dictionary lists few of them, and its nearest suggestion ("unhushable", "undecidable",
 * "inclined") is one vowel or letter away, the shape of a slip. Labelled on the held-out sets: "unhashable",
 * "undecodable" and "inlined" were all false alarms. Only derivations that cannot hide a slip are accepted: -able
 * after a short vowel and one consonant ("forgetable" for forgettable) and -ed after a consonant ("occured") are
 * where writers err, so they are left to the spelling check.
 */
final class RegularDerivation {
    /** Prefixes that form a word from any word, with their minimum remainder. */
    private static final List<String> PREFIXES = List.of("un", "non", "re", "de", "pre");
    private static final int MIN_STEM = 4;
    private static final String VOWELS = "aeiouy";

    private RegularDerivation() {
    }

    static boolean isDerived(Tagger tagger, String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (!w.chars().allMatch(Character::isLetter)) {
            return false;
        }
        if (isSuffixed(tagger, w)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (w.startsWith(prefix) && w.length() - prefix.length() >= MIN_STEM) {
                String rest = w.substring(prefix.length());
                if (isKnown(tagger, rest) || isSuffixed(tagger, rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "hashable", "decodable", "inlined": a known word and a regular ending. */
    private static boolean isSuffixed(Tagger tagger, String w) {
        if (w.endsWith("able") && w.length() - 4 >= 3) {
            String base = w.substring(0, w.length() - 4);
            if (isVerb(tagger, base + "e")) {
                return true; // decode → decodable
            }
            return endsInTwoConsonants(base) && isVerb(tagger, base); // hash → hashable, not forget → forgetable
        }
        // inline → inlined: a stem ending in e takes -d and no consonant is doubled
        return w.endsWith("ed") && w.length() - 1 >= MIN_STEM + 1 && isKnown(tagger, w.substring(0, w.length() - 1));
    }

    private static boolean endsInTwoConsonants(String s) {
        int n = s.length();
        return n >= 2 && isConsonant(s.charAt(n - 1)) && isConsonant(s.charAt(n - 2));
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && VOWELS.indexOf(c) < 0;
    }

    private static boolean isKnown(Tagger tagger, String w) {
        return tag(tagger, w).isTagged();
    }

    private static boolean isVerb(Tagger tagger, String w) {
        for (AnalyzedToken t : tag(tagger, w)) {
            if (t.getPOSTag() != null && t.getPOSTag().startsWith("VB")) {
                return true;
            }
        }
        return false;
    }

    private static AnalyzedTokenReadings tag(Tagger tagger, String w) {
        try {
            return tagger.tag(List.of(w)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool's tagger could not read its dictionary", e);
        }
    }
}
