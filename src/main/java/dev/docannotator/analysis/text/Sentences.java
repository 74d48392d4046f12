package dev.docannotator.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a block into sentences for English and Chinese: at 。！？ and their ASCII forms, at the full-width stop ．
 * (not between digits), at a full stop
 * followed by a space (not after a known abbreviation, an initial, or initials such as "U.S." unless a word that
 * opens sentences follows; after a token with digits, "S52K." or "4.3.", it is an end), and at line breaks. Closing
 * quotes and brackets stay with their sentence.
 * Spans exclude surrounding whitespace.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "vs", "fig", "approx", "no", "st", "cf", "al",
            "jr", "sr", "inc", "ltd", "co", "corp", "dept", "est", "vol", "p", "pp", "ch", "sec", "eq");
    /** Capital initials joined by stops: "U.S", "U.S.A" (the last stop is the one being read). */
    private static final Pattern DOTTED_CAPITALS = Pattern.compile("\\p{Lu}(?:\\.\\p{Lu})+");
    /**
     * Words that open a sentence far more often than they follow "U.S." as part of a name: before them dotted
     * initials end the sentence ("from the U.S. The analysis"), before any other word they do not ("U.S. Code").
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "this", "that", "these", "those", "it", "its", "in", "a", "an", "we", "they", "he", "she", "i",
            "you", "our", "their", "his", "her", "there", "here", "if", "when", "while", "but", "and", "or", "so",
            "for", "on", "at", "as", "to", "by", "from", "with", "after", "before", "since", "although", "however",
            "then", "thus", "also", "all", "some", "many", "most", "each", "every", "such", "both", "one", "what",
            "which", "who", "how", "why", "where", "because", "during", "no", "not", "yet");
    /** Longer than any initial or abbreviation: the scan back over the token before a stop goes no further. */
    private static final int LONGEST_TOKEN = 32;
    /** U+FF0E, the full-width full stop, where Chinese technical writing puts its "。". */
    private static final char FULLWIDTH_STOP = '．';
    private static final String CLOSERS = "\"'”’)]}）」』》】";

    private Sentences() {
    }

    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end;
            if (c == '\n' || c == '\r') {
                add(out, text, start, i);
                start = i + 1;
                continue;
            } else if (c == '。' || c == '！' || c == '？') {
                end = true;
            } else if (c == FULLWIDTH_STOP) {
                // Chinese writing on mathematics and computing ends its sentences with "．" (OI Wiki); between
                // digits it is a decimal point ("3．5"), after a number alone an item's label ("1．安装")
                end = !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < n
                        && Character.isDigit(text.charAt(i + 1)))
                        && !text.substring(start, i).strip().chars().allMatch(Character::isDigit);
            } else if (c == '!' || c == '?') {
                end = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)) || isCloser(text, i + 1)
                        || Scripts.isHan(text.charAt(i + 1));
            } else if (c == '.') {
                int mark = i + 1 < n && (text.charAt(i + 1) == '[' || text.charAt(i + 1) == '^')
                        ? Formulas.footnoteMarkEnd(text, i + 1) : -1;
                if (mark > 0 && (mark == n || Character.isWhitespace(text.charAt(mark)))
                        && tokenEndsSentence(text, start, i)) {
                    // "with a bunch of Rust fanatics.[^shocking] This is a shame": the mark ends the sentence it notes
                    add(out, text, start, mark);
                    start = mark;
                    i = mark - 1;
                    continue;
                }
                end = isFullStop(text, start, i);
            } else {
                end = false;
            }
            if (end) {
                int stop = i + 1;
                while (stop < n && (isCloser(text, stop) || isTerminal(text.charAt(stop)))) {
                    stop++;
                }
                add(out, text, start, stop);
                start = stop;
                i = stop - 1;
            }
        }
        add(out, text, start, n);
        return out;
    }

    /**
     * Whether the character at {@code k} closes a sentence after its stop: a quote or a bracket, or Markdown's emphasis
     * ("*on a socket.* I repeat") when the run of {@code *} or {@code _} it is in ends at a blank or the text's end;
     * "obj.__dict__" and "self._cache" go on.
     */
    private static boolean isCloser(String text, int k) {
        char c = text.charAt(k);
        if (CLOSERS.indexOf(c) >= 0) {
            return true;
        }
        if (c != '*' && c != '_') {
            return false;
        }
        int e = k;
        while (e < text.length() && (text.charAt(e) == '*' || text.charAt(e) == '_')) {
            e++;
        }
        return e == text.length() || Character.isWhitespace(text.charAt(e));
    }

    private static boolean isTerminal(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '.' || c == FULLWIDTH_STOP;
    }

    private static boolean isFullStop(String text, int sentenceStart, int i) {
        int n = text.length();
        if (i + 1 < n) {
            char next = text.charAt(i + 1);
            boolean spaceOrCloser = Character.isWhitespace(next) || isCloser(text, i + 1) || Scripts.isHan(next);
            if (!spaceOrCloser) {
                return false; // 3.5, e.g, www.example.com, "..." handled by the caller's run of terminals
            }
        }
        return tokenEndsSentence(text, sentenceStart, i);
    }

    /** Whether the token before the stop at {@code i} ends a sentence: not an initial nor an abbreviation ("e.g."). */
    private static boolean tokenEndsSentence(String text, int sentenceStart, int i) {
        // the whole token before the stop, digits too: the "K" of "S52K." is no initial, the token is a name. The scan
        // stops at the sentence's start, at a Han character (Chinese is no Latin token) and after LONGEST_TOKEN
        // characters, so a block of Chinese with ASCII stops is read in linear time, not once per stop.
        int w = i;
        while (w > sentenceStart && i - w <= LONGEST_TOKEN && isTokenChar(text.charAt(w - 1))) {
            w--;
        }
        if (i - w > LONGEST_TOKEN) {
            return true; // no initial nor abbreviation is that long
        }
        String word = text.substring(w, i);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            // an initial, as in "J. Smith" or "J. A. Smith"; but "than 20 lines of C. This is" ends a sentence on a
            // one-letter name (an opener of two letters or more: "A" and "I" may be the next initial)
            return nextWordOpensSentence(text, i, 2);
        }
        if (DOTTED_CAPITALS.matcher(word).matches()) {
            // "U.S. Code", "U.K. law": initials of a name, read as an adjective mid-sentence; "the U.S. The" ends one
            return nextWordOpensSentence(text, i, 1);
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isTokenChar(char c) {
        return c == '.' || Character.isLetterOrDigit(c) && !Scripts.isHan(c);
    }

    /**
     * Whether the word after the stop at {@code stop}, past closers and blanks, opens a sentence: a capitalised
     * sentence opener of {@code minLetters} letters or more, or nothing (the block's end). A name ("Code"), a
     * lower-case word or a number does not.
     */
    private static boolean nextWordOpensSentence(String text, int stop, int minLetters) {
        int s = stop + 1;
        while (s < text.length() && (Character.isWhitespace(text.charAt(s)) || CLOSERS.indexOf(text.charAt(s)) >= 0)) {
            s++;
        }
        int e = s;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return s == text.length() || e - s >= minLetters && Character.isUpperCase(text.charAt(s))
                && SENTENCE_OPENERS.contains(text.substring(s, e).toLowerCase(Locale.ROOT));
    }

    private static void add(List<Span> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }
}
