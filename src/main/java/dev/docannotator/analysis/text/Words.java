package dev.docannotator.analysis.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word boundaries that treat Han characters as boundaries (Java's own {@code \b} treats them as letters). */
public final class Words {
    /** An English-like word: letters and digits, with inner apostrophes or hyphens. */
    public static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    private Words() {
    }

    /** True when {@code [start, end)} of {@code text} is not glued to a Latin word character on either side. */
    public static boolean isWholeWord(CharSequence text, int start, int end) {
        boolean leftOk = start == 0 || !Scripts.isLatinWordChar(text.charAt(start - 1));
        boolean rightOk = end >= text.length() || !Scripts.isLatinWordChar(text.charAt(end));
        return leftOk && rightOk;
    }

    /** Counts the words of a Latin-script stretch. */
    public static int countWords(CharSequence text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The regex prefix and suffix that give a Latin word boundary which Han characters also satisfy. */
    public static String bounded(String regex) {
        return "(?<![\\p{IsLatin}\\p{N}_])(?:" + regex + ")(?![\\p{IsLatin}\\p{N}_])";
    }
}
