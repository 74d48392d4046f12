package dev.docannotator.analysis.requirement;

import java.util.Arrays;
import java.util.List;

/**
 * Decides whether a check word is negated: "no passive", "except grammar", "don't flag vague words",
 * 除了语法, 不要检查被动. Only the few words just before it in the same clause count; a clause ends at
 * punctuation, "and", "but" or "also" (so "no TODO markers, and passive voice" still selects passive voice).
 */
final class Negation {
    private static final List<String> ENGLISH = List.of(
            "no", "not", "don't", "dont", "don’t", "without", "except", "excluding", "exclude", "skip", "ignore",
            "never", "nor", "neither", "other than", "apart from");
    private static final List<String> CHINESE = List.of(
            "不要", "不用", "不需要", "无需", "除了", "忽略", "跳过", "排除", "不检查", "不必", "别");
    private static final String CLAUSE_ENDS = ".,;:!?，。；：！？、\n";
    private static final int WINDOW_WORDS = 3;
    private static final int WINDOW_HAN = 6;

    private Negation() {
    }

    /** Whether the phrase starting at {@code at} in the lower-cased {@code text} is negated. */
    static boolean precedes(String text, int at) {
        int start = at;
        while (start > 0 && CLAUSE_ENDS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String clause = text.substring(start, at);
        for (String joiner : List.of(" and ", " but ", " also ", "但", "但是", "并且", "同时")) {
            int cut = clause.lastIndexOf(joiner);
            if (cut >= 0) {
                clause = clause.substring(cut + joiner.length());
            }
        }
        String han = clause.length() > WINDOW_HAN ? clause.substring(clause.length() - WINDOW_HAN) : clause;
        for (String word : CHINESE) {
            if (han.contains(word)) {
                return true;
            }
        }
        String[] words = clause.trim().split(" ");
        String window = " " + String.join(" ",
                Arrays.copyOfRange(words, Math.max(0, words.length - WINDOW_WORDS), words.length)) + " ";
        for (String word : ENGLISH) {
            if (window.contains(" " + word + " ")) {
                return true;
            }
        }
        return false;
    }
}
