package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.checks.SpellingKey;
import java.util.List;
import java.util.Locale;

/**
 * Whether a word the dictionary does not know looks like a slip of the fingers on a word it does know: two neighbouring
 * letters swapped (recieve → receive), a doubled letter dropped or added (occured → occurred, untill → until), or, in a
 * longer word, one vowel for another (seperate → separate, definately → definitely), or the word in the other
 * English's spelling (colour in American English). On real manuals and READMEs the
 * unknown words were commands, libraries, options and people's names (gzip, gdbm, umask, Eggert) that are far from any
 * suggestion in this way; every one of them sampled was a false alarm (BENCHMARKS.md, issue 12).
 */
final class TypoShape {
    /** How many of LanguageTool's suggestions, best first, are compared. */
    private static final int SUGGESTIONS = 3;
    private static final int MIN_VOWEL_SWAP_LENGTH = 6;
    /** Shorter unknown words are commands and abbreviations far more often than slips (hppa is not "hpa"). */
    private static final int MIN_LENGTH = 5;
    private static final String VOWELS = "aeiouy";

    private TypoShape() {
    }

    /**
     * Whether {@code word} is one slip away from one of the first suggestions; the other English's spelling counts only
     * when {@code otherEnglishIsASlip} (the requirement named the English to check).
     */
    static boolean isSlip(String word, List<String> suggestions, boolean otherEnglishIsASlip) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < MIN_LENGTH || word.chars().noneMatch(Character::isLowerCase)) {
            return false; // YYYY-ZZZZ, HPUX: placeholders and names in capitals are not slips
        }
        List<String> first = suggestions.stream().limit(SUGGESTIONS).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        // the other English's spelling first: "gruelling" is one doubled letter from "grueling", but no slip
        if (first.stream().anyMatch(s -> otherVariant(w, s))) {
            return otherEnglishIsASlip;
        }
        return first.stream().anyMatch(s -> swapped(w, s) || doubledLetter(w, s) || doubledLetter(s, w)
                || vowelForVowel(w, s));
    }

    /** "colour" and "color", "organise" and "organize": one word in British and in American spelling. */
    static boolean otherVariant(String a, String b) {
        return !a.equals(b) && (SpellingKey.of(a).equals(b) || SpellingKey.of(b).equals(a));
    }

    /** "recieve" and "receive": equal but for two neighbouring letters in the other order. */
    static boolean swapped(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** {@code longer} is {@code shorter} with one letter doubled: "occurred" and "occured". */
    static boolean doubledLetter(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 1; i < longer.length(); i++) {
            if (longer.charAt(i) == longer.charAt(i - 1) && Character.isLetter(longer.charAt(i))
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** "seperate" and "separate": one vowel replaced by another in a word of six letters or more. */
    static boolean vowelForVowel(String a, String b) {
        if (a.length() != b.length() || a.length() < MIN_VOWEL_SWAP_LENGTH) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (VOWELS.indexOf(x) < 0 || VOWELS.indexOf(y) < 0 || ++differences > 1) {
                    return false;
                }
            }
        }
        return differences == 1;
    }
}
