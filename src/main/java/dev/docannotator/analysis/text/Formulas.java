package dev.docannotator.analysis.text;

import java.util.regex.Pattern;

/**
 * Inline formulas in running text. A scientific paper writes conditions inside its sentences
 * ({@code because 𝑉𝑑𝑙,2 > 𝑉𝑑𝑙,1, 𝑉𝑑𝑙,2 > 𝑉𝑑ℎ,1, we can only ...}, {@code one of (𝑉1, 𝑉5, 𝑉3, 𝑉7), (𝑉2, 𝑉5, ...)
 * must hold}); a reader takes in such a formula as one term, not as the dozen "words" its subscripts and indices split
 * into. A formula here is a run of whitespace-separated tokens each of which is maths: it holds a mathematical letter
 * (U+1D400–U+1D7FF, what Word and LaTeX write for italic variables) or a Greek one, or a maths symbol ({@code = > ∈ ±});
 * or it is an indexed variable ({@code C1}, {@code D2}, {@code CM+1}, {@code Cj-1}); or it has no letter or digit at all
 * ({@code …}, a bracket, a dash) and so only links its neighbours; or it is a bare variable ({@code CM}, {@code i})
 * or a small number next to such a token. A formula never counts for more words than its tokens did.
 */
public final class Formulas {
    /** A variable with an index: one or two letters and a one- or two-digit number, or a letter and {@code ±1}. */
    private static final Pattern INDEXED = Pattern.compile("\\p{L}{1,2}\\d{1,2}|\\p{Lu}\\p{L}?[+-]\\d");

    /** A bare variable: one or two capitals, a single lower-case letter other than the article "a", a small number. */
    private static final Pattern VARIABLE = Pattern.compile("\\p{Lu}{1,2}|[b-z]|\\d{1,3}");

    private Formulas() {
    }

    /**
     * The words of a Latin-script sentence as a reader counts them: {@link Words#countWords}, except that each
     * formula (a run of maths tokens with a letter or digit in it) counts as one word.
     */
    public static int countWords(String sentence) {
        String[] tokens = sentence.strip().split("\\s+");
        boolean[] maths = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            maths[i] = isMaths(tokens[i]);
        }
        // a bare variable or number next to maths is part of it ("C1, …, CM", "ZM = {1,…, M}"), which may reach the next
        for (boolean grown = true; grown; ) {
            grown = false;
            for (int i = 0; i < tokens.length; i++) {
                boolean nextToMaths = i > 0 && maths[i - 1] || i + 1 < tokens.length && maths[i + 1];
                if (!maths[i] && nextToMaths && isVariable(tokens[i])) {
                    maths[i] = true;
                    grown = true;
                }
            }
        }
        int words = 0;
        boolean inFormula = false;
        boolean formulaHasTerm = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (maths[i]) {
                inFormula = true;
                formulaHasTerm |= hasLetterOrDigit(token);
                continue;
            }
            if (inFormula) {
                words += formulaHasTerm ? 1 : 0;
                inFormula = false;
                formulaHasTerm = false;
            }
            words += Words.countWords(token);
        }
        return words + (inFormula && formulaHasTerm ? 1 : 0);
    }

    /**
     * Whether a token is a bare variable or number, which is maths only next to maths ({@code C1, …, CM},
     * {@code i ∈ ZM}, {@code {1,…, M}}): one or two capitals, one lower-case letter, a number of up to three digits; not
     * the words "a", "A" and "I".
     */
    private static boolean isVariable(String token) {
        String bare = stripPunctuation(token);
        return VARIABLE.matcher(bare).matches() && !bare.equals("A") && !bare.equals("I");
    }

    /** Whether one whitespace-separated token is maths (see the class comment). */
    static boolean isMaths(String token) {
        boolean letterOrDigit = false;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x1D400 && cp <= 0x1D7FF || Character.UnicodeScript.of(cp) == Character.UnicodeScript.GREEK
                    || Character.getType(cp) == Character.MATH_SYMBOL) {
                return true;
            }
            letterOrDigit |= Character.isLetterOrDigit(cp);
        }
        return !letterOrDigit || INDEXED.matcher(stripPunctuation(token)).matches();
    }

    private static boolean hasLetterOrDigit(String token) {
        return token.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The token without the brackets and punctuation around it: {@code (C1,} → {@code C1}. */
    private static String stripPunctuation(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }
}
