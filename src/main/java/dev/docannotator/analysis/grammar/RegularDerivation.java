package dev.docannotator.analysis.grammar;

import java.util.List;
import java.util.Locale;
import org.languagetool.tagging.Tagger;

/**
 * Whether a word the dictionary does not know is built by English's regular rules from one it does: a prefix
 * (un-, non-, re-, de-, pre-), a verb taking -able ("hash" → "hashable", "decode" →
 * "decodable"), a word in -e taking -d ("inline" → "inlined"). Technical writing coins such words every day; a
 * spelling checker's dictionary lists few of them, and its nearest suggestion ("unhushable", "undecidable",
 * "inclined") is one vowel or letter away, the shape of a slip. Labelled on the held-out sets: "unhashable",
 * "undecodable" and "inlined" were all false alarms. Where writers err, the derivation is left to the spelling check:
 * -able after a short vowel and one consonant ("forgetable") or after a soft c or g ("noticable"), -ed after a
 * consonant ("occured") or on a verb ("writed"), a prefix before a short word ("untill").
 */
final class RegularDerivation {
    /** Prefixes that form a word from any word. */
    private static final List<String> PREFIXES = List.of("un", "non", "re", "de", "pre");
    /**
     * The shortest word a prefix is accepted before: a short one is as often a slip's remainder ("untill" is no
     * un-till, "deside" no de-side, "prehaps" no pre-haps); the short derived words (unpin, rerun) are in the dictionary.
     */
    private static final int MIN_PREFIXED_WORD = 5;
    /** The shortest stem in -e that takes -d ("inline" → "inlined"). */
    private static final int MIN_D_STEM = 5;
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
            if (w.startsWith(prefix) && w.length() - prefix.length() >= MIN_PREFIXED_WORD) {
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
                // decode → decodable; but a soft c or g keeps its e (noticeable, manageable): "noticable" is a slip
                return !base.endsWith("c") && !base.endsWith("g");
            }
            return endsInTwoConsonants(base) && isVerb(tagger, base); // hash → hashable, not forget → forgetable
        }
        // inline → inlined: a word in -e that is no verb (an adjective, an adverb) made one; a verb's own past is in
        // the dictionary, so a verb + d is a slip on an irregular one ("writed", "choosed")
        String stem = w.substring(0, w.length() - 1);
        return w.endsWith("ed") && stem.length() >= MIN_D_STEM && isKnown(tagger, stem) && !isVerb(tagger, stem);
    }

    private static boolean endsInTwoConsonants(String s) {
        int n = s.length();
        return n >= 2 && isConsonant(s.charAt(n - 1)) && isConsonant(s.charAt(n - 2));
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && VOWELS.indexOf(c) < 0;
    }

    private static boolean isKnown(Tagger tagger, String w) {
        return Tags.isKnown(tagger, w);
    }

    private static boolean isVerb(Tagger tagger, String w) {
        return Tags.has(tagger, w, "VB");
    }
}
