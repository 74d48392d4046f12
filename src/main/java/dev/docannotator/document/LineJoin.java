package dev.docannotator.document;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Hyphenated compounds as they appear inside a line: letters, a hyphen, letters. */
    private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:[-\u2010]\\p{L}+)+");

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
        Matcher m = COMPOUND.matcher(text);
        while (m.find()) {
            String[] parts = m.group().toLowerCase(Locale.ROOT).split("[-\u2010]");
            for (int i = 0; i + 1 < parts.length; i++) {
                into.add(parts[i] + "-" + parts[i + 1]);
            }
        }
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
