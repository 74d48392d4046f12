package dev.docannotator.analysis.checks;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capitalised word inside a cited title ("The Secure Shell (SSH) Session Channel Break Extension, RFC 4335, January
 * 2006"; "Hash Visualization: a New Technique to improve Real-World Security, 1999") is in title case, the title's
 * style, not a spelling of the word: it is no case variant of "BREAK" written elsewhere. A title is a run of words most
 * of which are capitalised, which quotation marks enclose or which a year or an RFC number follows, as in a reference list.
 */
final class CitedTitles {
    /** Where a title's clause ends: a comma, a colon, a full stop followed by space, a quotation mark. */
    private static final String CLAUSE_ENDS = ",;:!?\"“”«»";
    /** Words a title leaves in lower case. */
    private static final Set<String> MINOR = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or",
            "with", "by", "at", "from", "via", "as", "into", "over", "per", "vs", "nor", "but", "is", "using");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");
    /** After the title: ", RFC 4335", ", 1999", ", January 2006", " (2001)". */
    private static final Pattern CITATION_AFTER = Pattern.compile(
            "[\"”»]?[ \\t]*+[,.(]?\\s*+(?:RFC[ \\t]*\\d{3,5}|(?:[A-Z][a-z]+\\.?[ \\t]+)?(?:\\d{1,2},?[ \\t]+)?(?:1[89]|20)\\d\\d\\b)");
    private static final int MIN_CAPITALISED = 3;
    /** A title's clause is a line or two; a longer stretch without a clause end is no title (and bounds the scan). */
    private static final int MAX_CLAUSE_CHARS = 240;

    private CitedTitles() {
    }

    /** Whether the word at {@code start..end} is in a cited title. */
    static boolean contains(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsClause(text, from - 1)) {
            if (start - --from > MAX_CLAUSE_CHARS) {
                return false;
            }
        }
        int to = end;
        while (to < text.length() && !endsClause(text, to)) {
            if (++to - from > MAX_CLAUSE_CHARS) {
                return false;
            }
        }
        boolean quoted = from > 0 && isQuote(text.charAt(from - 1)) && to < text.length() && isQuote(text.charAt(to));
        // the citation follows at once: ", RFC 4335", ", January 2006" (a bounded region keeps the look short)
        if (!quoted && !CITATION_AFTER.matcher(text).region(to, Math.min(text.length(), to + 40)).lookingAt()) {
            return false;
        }
        return isTitleCase(text.substring(from, to));
    }

    /** Most of the words that are not minor ones capitalised, at least three of them. */
    static boolean isTitleCase(String clause) {
        Matcher w = WORD.matcher(clause);
        int words = 0;
        int capitalised = 0;
        while (w.find()) {
            String word = w.group();
            if (MINOR.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            words++;
            capitalised += Character.isUpperCase(word.charAt(0)) ? 1 : 0;
        }
        return capitalised >= MIN_CAPITALISED && capitalised * 4 >= words * 3;
    }

    private static boolean endsClause(String text, int at) {
        char c = text.charAt(at);
        return CLAUSE_ENDS.indexOf(c) >= 0 || c == '\n' && at + 1 < text.length() && text.charAt(at + 1) == '\n'
                || c == '.' && (at + 1 == text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '«' || c == '»';
    }
}
