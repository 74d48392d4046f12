package dev.docannotator.analysis.text;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline formulas in running text. A scientific paper writes conditions inside its sentences
 * ({@code because 𝑉𝑑𝑙,2 > 𝑉𝑑𝑙,1, 𝑉𝑑𝑙,2 > 𝑉𝑑ℎ,1, we can only ...}, {@code one of (𝑉1, 𝑉5, 𝑉3, 𝑉7), (𝑉2, 𝑉5, ...)
 * must hold}); a reader takes in such a formula as one term, not as the dozen "words" its subscripts and indices split
 * into. A formula here is a run of whitespace-separated tokens each of which is maths: it holds a mathematical letter
 * (U+1D400–U+1D7FF, what Word and LaTeX write for italic variables) or a Greek one, or a maths symbol ({@code = > ∈ ±});
 * or it is an indexed variable ({@code C1}, {@code D2}, {@code CM+1}, {@code Cj-1}); or it is a bare variable
 * ({@code CM}, {@code i}) or a small number next to such a token. A token with no letter or digit ({@code …}, a
 * bracket, a dash, "&") only links maths on both its sides: it never starts a formula, so "AT & T" stays two words.
 * A formula never counts for more words than its tokens did.
 */
public final class Formulas {
    /**
     * A slash that joins two words into one ("user/admin", "TCP/IP"), or asterisks that stand for letters inside a
     * word ("d*ckhead").
     */
    private static final Pattern JOINED_WORDS = Pattern.compile(
            "(?<=[\\p{L}\\p{N}])/(?=[\\p{L}\\p{N}])|(?<=\\p{L})\\*+(?=\\p{L})");
    /**
     * A footnote's mark in the text: reStructuredText's {@code [#f2]_}, {@code [1]_}, {@code [*]_}, Markdown's
     * {@code [^note]}, a plain-text {@code ^[1]}, with the punctuation after it. It points to a note; nobody reads it
     * as a word of the sentence.
     */
    private static final String MARK = "(?:\\[(?:#[\\w-]*|\\*|\\d{1,3})\\]_|\\[\\^[\\w-]+\\]|\\^\\[\\d{1,3}\\])";
    private static final Pattern FOOTNOTE_MARK = Pattern.compile(MARK + "\\p{P}*");
    private static final Pattern MARK_ALONE = Pattern.compile(MARK);
    /** An emoji's shortcode, which Markdown renders as a picture: ":pray:", ":wink:)". No word is read there. */
    private static final Pattern EMOJI_SHORTCODE = Pattern.compile(":[a-z0-9_+-]{2,30}:\\p{P}*");
    /** The dot inside a dotted name: "Crates.io", "Node.js", "e.g.", one word to a reader as to a word processor. */
    private static final Pattern NAME_DOT = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");
    /** A number with decimal or thousands points, or a version: "3.9", "1,000", "2.4.1". */
    private static final Pattern NUMBER_WITH_POINTS = Pattern.compile("(?<!\\p{N})\\p{N}++(?:[.,]\\p{N}++)+");
    /** A variable with an index: one or two letters and a one- or two-digit number, or a letter and {@code ±1}. */
    private static final Pattern INDEXED = Pattern.compile("\\p{L}{1,2}\\d{1,2}|\\p{Lu}\\p{L}?[+-]\\d");

    /** A bare variable: one or two capitals, a single lower-case letter other than the article "a", a small number. */
    private static final Pattern VARIABLE = Pattern.compile("\\p{Lu}{1,2}|[b-z]|\\d{1,3}");

    private Formulas() {
    }

    /** The end of a footnote's mark that starts at {@code from} ("[^note]", "[#f2]_"), or -1 if none does. */
    static int footnoteMarkEnd(String text, int from) {
        Matcher m = MARK_ALONE.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * The words of a Latin-script sentence as a reader counts them: {@link Words#countWords}, except that each
     * formula (a run of maths tokens with a letter or digit in it) counts as one word, and so does each span the
     * prose mask hid ({@code sprintf()}, {@code --sort=inode}), and a footnote's mark counts as none.
     */
    public static int countWords(String sentence) {
        // a mark alone ("[#f2]_,") or after a word ("fanatics.[^shocking]") is no word, nor an emoji (":pray:")
        String[] tokens = Arrays.stream(sentence.strip().split("\\s+"))
                .map(token -> token.indexOf(']') < 0 ? token : FOOTNOTE_MARK.matcher(token).replaceAll(""))
                .map(token -> token.startsWith(":") && EMOJI_SHORTCODE.matcher(token).matches() ? "" : token)
                .filter(token -> !token.isEmpty())
                .toArray(String[]::new);
        boolean[] maths = new boolean[tokens.length];
        boolean[] linker = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            maths[i] = isMaths(tokens[i]);
            linker[i] = !maths[i] && !hasLetterOrDigit(tokens[i]) && tokens[i].indexOf(ProseMask.MASK) < 0;
        }
        // a bare variable or number next to maths is part of it ("C1, …, CM", "ZM = {1,…, M}"), which may reach the
        // next; a run of variables is reached from one end or the other, so one pass each way grows every formula
        grow(tokens, maths, linker, 0, tokens.length, 1);
        grow(tokens, maths, linker, tokens.length - 1, -1, -1);
        // whether the first token after i with a letter or digit is maths
        boolean[] mathsAhead = new boolean[tokens.length];
        for (int i = tokens.length - 2; i >= 0; i--) {
            mathsAhead[i] = linker[i + 1] ? mathsAhead[i + 1] : maths[i + 1];
        }
        int words = 0;
        boolean inFormula = false;
        for (int i = 0; i < tokens.length; i++) {
            // a token without letters or digits (a dash, "&", "…", a hidden span) links maths on both sides, else it
            // is the prose's own punctuation and ends the formula
            boolean inside = maths[i] || linker[i] && inFormula && mathsAhead[i];
            if (inside) {
                inFormula = true;
                continue;
            }
            if (inFormula) {
                words++;
                inFormula = false;
            }
            // "user/admin", "and/or", "read/write", "d*ckhead": one word, as a word processor counts them
            String token = tokens[i].indexOf('/') < 0 && tokens[i].indexOf('*') < 0 ? tokens[i]
                    : JOINED_WORDS.matcher(tokens[i]).replaceAll("-");
            // "Python 3.9", "1,000 pages", "version 2.4.1": a number with its points is one word
            token = NUMBER_WITH_POINTS.matcher(token).replaceAll("0");
            token = hasDotBetweenLetters(token) ? NAME_DOT.matcher(token).replaceAll("-") : token;
            // a hidden span standing as a token (a function's name, an option, a path: ProseMask) is one word to the
            // reader; one inside a word ("[Travis CI](https://…)", a link's destination) is not shown as a word
            int inToken = Words.countWords(token);
            words += inToken > 0 ? inToken : ProseMask.hiddenRuns(token);
        }
        return words + (inFormula ? 1 : 0);
    }

    /** Whether a dot stands between two letters ("Crates.io"): the test before a matcher, asked of every token. */
    private static boolean hasDotBetweenLetters(String token) {
        for (int i = token.indexOf('.'); i >= 0 && i + 1 < token.length(); i = token.indexOf('.', i + 1)) {
            if (i > 0 && Character.isLetter(token.charAt(i - 1)) && Character.isLetter(token.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks as maths each bare variable whose nearest token with a letter or digit in the direction {@code step}
     * came from is maths, walking from {@code from} to {@code to}.
     */
    private static void grow(String[] tokens, boolean[] maths, boolean[] linker, int from, int to, int step) {
        boolean previousIsMaths = false;
        for (int i = from; i != to; i += step) {
            if (linker[i]) {
                continue;
            }
            if (!maths[i] && previousIsMaths && isVariable(tokens[i])) {
                maths[i] = true;
            }
            previousIsMaths = maths[i];
        }
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
        return letterOrDigit && INDEXED.matcher(stripPunctuation(token)).matches();
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
