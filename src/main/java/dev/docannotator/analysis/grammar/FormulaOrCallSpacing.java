package dev.docannotator.analysis.grammar;

import java.util.regex.Pattern;

/**
 * A space before a comma or a closing bracket that is not a stray space in a sentence: LanguageTool's
 * {@code COMMA_PARENTHESIS_WHITESPACE} there is noise. Two shapes, both features of the text:
 * <ul>
 * <li>an inline formula: the word before the space is maths (a PDF's italic maths letters {@code 𝑉𝑑𝑖}, {@code ℎ}, a
 * Greek letter in an English word {@code ξn}, an operator), or the clause after the comma is a relation between
 * one-letter variables ("cluster Ck , k &gt; j"). A PDF lays maths out glyph by glyph, so its spaces are the
 * extraction's, not the author's;</li>
 * <li>a padded call, "bzalloc ( opaque, n, m )", or a padded subshell, "( while …; do …; done )": the bracket was opened with a space too, so the spaces inside are the
 * author's code style, kept on purpose on both sides.</li>
 * </ul>
 * A lone stray space, "system (ESATC) )" or "is late ,", is still reported.
 */
final class FormulaOrCallSpacing {
    private static final String RULE = "COMMA_PARENTHESIS_WHITESPACE";
    /**
     * How far back to look for the bracket a ")" closes: one call's arguments, or a shell subshell over a few lines
     * ("| ( while read uid rest; do … done )" in GnuPG's README), not a whole section.
     */
    private static final int CALL_REACH = 600;
    /** After the comma: a one-letter variable, a relation and another variable or number, "k &gt; j", "i ≤ n". */
    private static final Pattern RELATION_AFTER = Pattern.compile(
            "\\s*[\\p{L}&&[^aAI]](?![\\p{L}\\p{N}])\\s*[<>=≤≥≠∈∉⊂⊆]\\s*[\\p{L}\\p{N}]");

    private FormulaOrCallSpacing() {
    }

    /** Whether the match {@code [start, end)} of {@code ruleId} is a formula's or a padded call's spacing. */
    static boolean isFormulaOrCall(String ruleId, String paragraph, int start, int end) {
        if (!ruleId.equals(RULE) || start >= end) {
            return false;
        }
        return isMaths(wordBefore(paragraph, start))
                || RELATION_AFTER.matcher(paragraph).region(end, paragraph.length()).lookingAt()
                || paragraph.substring(start, end).strip().equals(")") && openedWithASpace(paragraph, start);
    }

    /**
     * The word before the space; a word that is only closing brackets ("𝑉𝑑𝑗 ) ,") takes the word before it too,
     * since the brackets belong to it.
     */
    static String wordBefore(String paragraph, int start) {
        int end = start;
        StringBuilder word = new StringBuilder();
        for (int words = 0; words < 2; words++) {
            while (end > 0 && Character.isWhitespace(paragraph.charAt(end - 1))) {
                end--;
            }
            int from = end;
            while (from > 0 && !Character.isWhitespace(paragraph.charAt(from - 1))) {
                from--;
            }
            String w = paragraph.substring(from, end);
            word.insert(0, w);
            if (!w.chars().allMatch(c -> ")]}".indexOf(c) >= 0) || w.isEmpty()) {
                break;
            }
            end = from;
        }
        return word.toString();
    }

    /**
     * Maths by its characters: the Mathematical Alphanumeric Symbols a PDF's italic maths becomes ({@code 𝑉}, {@code
     * 𝑗}), the letterlike ones that stand in for them ({@code ℎ}, {@code ℓ}), Greek letters (not words of an English
     * text) and the mathematical operators.
     */
    static boolean isMaths(String word) {
        return word.codePoints().anyMatch(c -> c >= 0x1D400 && c <= 0x1D7FF
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.LETTERLIKE_SYMBOLS && Character.isLetter(c)
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.GREEK && Character.isLetter(c)
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.MATHEMATICAL_OPERATORS);
    }

    /** Whether the bracket this ")" closes is followed by a space, "( opaque, p )": padding on both sides. */
    private static boolean openedWithASpace(String paragraph, int start) {
        int depth = 0;
        for (int i = start - 1; i >= Math.max(0, start - CALL_REACH); i--) {
            char c = paragraph.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return i + 1 < paragraph.length() && paragraph.charAt(i + 1) == ' ';
                }
                depth--;
            }
        }
        return false;
    }
}
