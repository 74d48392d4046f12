package dev.docannotator.analysis.grammar;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.tagging.Tagger;

/**
 * Two-word phrases LanguageTool wants joined where their open form is right, judged by the parts of speech around them
 * (LanguageTool's own tagger). An adverb compound takes its hyphen only before a noun: "a well-supported library", but
 * "is not well supported yet", "from ever changing her login shell" (a verb with its object). A determiner, the numeral
 * "one" and a noun are three words: "any one entity" is a single entity, "anyone entity" is wrong. Compounds of other
 * kinds keep their hyphen everywhere ("self-explanatory", "cherry-picked", "cross-check") and are still reported.
 */
final class OpenForms {
    private static final Pattern NEXT_WORD = Pattern.compile("[\\s\"'“”]*(\\p{L}[\\p{L}'’-]*)?");

    private OpenForms() {
    }

    /** Whether the match {@code [start, end)}, with LanguageTool's first suggestion, is an open form used rightly. */
    static boolean isRightAsWritten(Tagger tagger, String paragraph, int start, int end, List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return false;
        }
        String[] words = paragraph.substring(start, end).strip().split("\\s+");
        if (words.length != 2) {
            return false;
        }
        String suggestion = suggestions.get(0);
        String next = nextWord(paragraph, end);
        if (suggestion.equalsIgnoreCase(words[0] + "-" + words[1])) {
            // predicative or verbal: no noun or adjective (of a noun phrase) follows, or a preposition does ("is
            // ideally well connected in the community": "in" has noun and adjective readings too)
            return has(tagger, words[0], "RB") && (next == null || has(tagger, next, "IN")
                    || !has(tagger, next, "NN") && !has(tagger, next, "JJ"));
        }
        if (suggestion.equalsIgnoreCase(words[0] + words[1])) {
            return has(tagger, words[0], "DT") && has(tagger, words[1], "CD") && next != null && has(tagger, next, "NN");
        }
        return false;
    }

    private static String nextWord(String paragraph, int end) {
        Matcher m = NEXT_WORD.matcher(paragraph).region(end, paragraph.length());
        return m.lookingAt() ? m.group(1) : null;
    }

    /** Whether one of the word's readings (as written or in lower case) has a part-of-speech tag starting so. */
    private static boolean has(Tagger tagger, String word, String tagPrefix) {
        return Tags.has(tagger, word, tagPrefix) || Tags.has(tagger, word.toLowerCase(Locale.ROOT), tagPrefix);
    }
}
