package dev.docannotator.document;

import java.util.Locale;
import java.util.Set;

/**
 * How two lines of one paragraph are joined in the extracted text, for every format that wraps lines (TXT, Markdown,
 * PDF). A line break becomes one space, or nothing between two CJK characters (Chinese and Japanese do not put spaces
 * between words). A word hyphenated at the end of a line ({@code with-⏎holding}) is joined without its hyphen
 * ({@code withholding}), unless the document writes that compound with a hyphen elsewhere ({@code e-mail}). The
 * hyphen may be U+2010 or a soft hyphen: groff writes manual pages with U+2010 at its own line-end breaks
 * ({@code di‐⏎rectory}), which spelling would otherwise read as two unknown words. Capitals break too
 * ({@code FOR‐⏎MAT1}, {@code REG-⏎ISTER}) when both halves are capitals.
 */
public final class LineJoin {
    private LineJoin() {
    }

    /** What a line break turns into; {@link #DROP_HYPHEN} means "remove the line's final hyphen, put nothing". */
    public enum Joint {
        SPACE, NOTHING, KEEP_HYPHEN, DROP_HYPHEN
    }

    /**
     * How the line ending with {@code left} continues with the line starting with {@code right}; {@code hyphenated}
     * holds the document's hyphenated pairs ({@link #hyphenatedPairs}), lower-cased.
     */
    public static Joint joint(CharSequence left, CharSequence right, Set<String> hyphenated) {
        int l = left.length();
        if (l == 0 || right.length() == 0) {
            return Joint.SPACE;
        }
        char last = left.charAt(l - 1);
        char first = right.charAt(0);
        if (isHyphen(last) && l >= 2 && Character.isLetter(left.charAt(l - 2))) {
            int from = l - 2;
            while (from > 0 && Character.isLetter(left.charAt(from - 1))) {
                from--;
            }
            int to = 1;
            while (to < right.length() && Character.isLetter(right.charAt(to))) {
                to++;
            }
            if (Character.isLowerCase(first) || bothCapitals(left.subSequence(from, l - 1), right.subSequence(0, to))) {
                String pair = (left.subSequence(from, l - 1) + "-" + right.subSequence(0, to)).toLowerCase(Locale.ROOT);
                return hyphenated.contains(pair) ? Joint.KEEP_HYPHEN : Joint.DROP_HYPHEN;
            }
        }
        return isCjk(last) && isCjk(first) ? Joint.NOTHING : Joint.SPACE;
    }

    /** ASCII hyphen-minus, U+2010 HYPHEN (groff's manual pages) or a soft hyphen. */
    public static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u00AD';
    }

    /** "REG-" and "ISTER": a word in capitals broken at the line end (two letters at least on each side). */
    private static boolean bothCapitals(CharSequence before, CharSequence after) {
        return before.length() >= 2 && after.length() >= 2 && before.chars().allMatch(Character::isUpperCase)
                && after.chars().allMatch(Character::isUpperCase);
    }

    /** Adds every pair of neighbouring parts of the hyphenated compounds in {@code text} ("state-of", "of-the" …). */
    public static void hyphenatedPairs(CharSequence text, Set<String> into) {
        // The matches of "\p{L}+(?:[-\u2010]\p{L}+)+", found by hand: the regex backtracks through every letter of
        // every word without a hyphen, which cost a seventh of reading a PDF. A compound starts at a run of letters,
        // so text without a hyphen has none.
        int n = text.length();
        if (!hasHyphen(text, n)) {
            return;
        }
        int at = 0;
        while (at < n) {
            int end = letters(text, at);
            if (end == at) {
                at += Character.charCount(Character.codePointAt(text, at));
                continue;
            }
            int compoundEnd = end;
            while (compoundEnd < n && isCompoundHyphen(text.charAt(compoundEnd))) {
                int next = letters(text, compoundEnd + 1);
                if (next == compoundEnd + 1) {
                    break;
                }
                compoundEnd = next;
            }
            if (compoundEnd > end) {
                String[] parts = text.subSequence(at, compoundEnd).toString().toLowerCase(Locale.ROOT).split("[-\u2010]");
                for (int i = 0; i + 1 < parts.length; i++) {
                    into.add(parts[i] + "-" + parts[i + 1]);
                }
            }
            at = compoundEnd;
        }
    }

    private static boolean hasHyphen(CharSequence text, int n) {
        for (int i = 0; i < n; i++) {
            if (isCompoundHyphen(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompoundHyphen(char c) {
        return c == '-' || c == '\u2010';
    }

    /** The end of the run of letters (code points of category L, as {@code \p{L}}) starting at {@code from}. */
    private static int letters(CharSequence text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = Character.codePointAt(text, i);
            if (!Character.isLetter(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Han, kana and CJK punctuation or full-width forms: scripts written without spaces between words. */
    public static boolean isCjk(char c) {
        if ((c >= '\u3000' && c <= '\u30FF') || (c >= '\uFF00' && c <= '\uFFEF')) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
