package dev.docannotator.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what is not prose inside prose: inline code, URLs, e-mail addresses, paths, environment variables,
 * command-line options, format strings, file names, strings with shell-escaped spaces, the directory entry
 * {@code ..}, the {@code ,...} of an argument list and escape sequences ({@code \a}, {@code \n}). The masked text
 * has the same length as the original (every hidden character becomes {@link #MASK}), so an offset found in it is
 * an offset in the original; a mask character is neither a letter nor a space nor sentence punctuation, so nothing
 * is a word, a sentence end or a repeated word across it.
 */
public final class ProseMask {
    /** What hidden characters become: U+FFFC, the object replacement character. */
    public static final char MASK = '\uFFFC';

    /**
     * A backtick opening a `quote': the first apostrophe after it, before any backtick, follows a character that is
     * neither a space nor {@code =} and is followed (after a second apostrophe, TeX's ``quote'') by a blank, the
     * line's end or punctuation that can follow a quote ({@code .,;:!?)}, and {@code =} for find(1)'s
     * {@code `L'=loop}). Code keeps its apostrophes inside a word ({@code `don't`}), after a space
     * ({@code `echo 'hi'`}) or an equals sign ({@code `IFS=' '`}, {@code `--sep=','`}), before an operand
     * ({@code `f'(x)`}) and as a prime before its closing backtick ({@code `f'`}); taking such a span
     * for a quote paired its closing backtick with the next span's opening one, exposing code and hiding prose.
     */
    private static final String QUOTE_CLOSING = "(?<=[^\\s`'=])'(?='?(?:[\\s.,;:!?)=]|$))";
    private static final String QUOTE_OPENING = "``?[^`'\\n]*+" + QUOTE_CLOSING;
    /** A site generator's template expression (Jekyll's Liquid, Jinja, Hugo): "{{ site.baseurl }}". */
    private static final String TEMPLATE_EXPRESSION = "\\{\\{[^{}\\n]{1,100}\\}\\}";
    /**
     * A Markdown link's destination right after its text: "(#ideal-nominees)", "(docs/guide)", "({{ site.baseurl }}/…)".
     * Shared with the grammar check, which blanks the brackets of the links it finds.
     */
    public static final String LINK_DESTINATION = "\\((?:[^()\\s]|" + TEMPLATE_EXPRESSION + ")+\\)";
    /** One item of an attribute list: {@code #id}, {@code .class}, {@code key=value} (quoted or not). */
    private static final String ATTRIBUTE = "(?:[#.][\\w-]+|[\\w-]+=(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s}]+))";
    private static final Pattern NOT_PROSE = Pattern.compile(String.join("|",
            // inline code, but not from a backtick that opens a `quote' (a manual's or TeX's quoting, closed by an
            // apostrophe): "consisting of `;' is encountered.  The string `{}'" is two sentences, not one code span
            "(?!" + QUOTE_OPENING + ")(?:``[^`\\n]+``|`[^`\\n]+`)",
            // a literal in such quotes, one token: `;', `{}', `.' (which would end a sentence), `Foo', `F??'; a
            // title of several words (the `Security Considerations' chapter) is prose
            "`[^`'\\s]{1,40}" + QUOTE_CLOSING,
            "\\b(?:https?|ftp|file|ssh|git)://[^\\s<>\"'`]+|\\bwww\\.[A-Za-z0-9-]+\\.[^\\s<>\"'`]+", // URLs
            "\\bmailto:[^\\s<>]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+", // e-mail addresses
            "\\$\\{[^}\\s]{1,80}\\}|\\$\\(?[A-Za-z_][A-Za-z0-9_]*\\)?|%[A-Za-z_][A-Za-z0-9_]*%", // $HOME ${X} %PATH%
            // /etc/passwd, ~/.config, ./configure, ../x, C:\Windows; not "and/or", not a lone "/"
            "(?<![\\p{L}\\p{N}_/.])(?:~|\\.{1,2})?/[A-Za-z0-9_.@+-]+(?:/[A-Za-z0-9_.@*+-]*)*"
                    + "|\\b[A-Za-z]:\\\\[^\\s\"'<>]+"
                    + "|\\b[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+){2,}/?",
            // --long-option=value, -x, -xvf (after a space or bracket, so e-mail and re-enter stay words)
            // with its value or its placeholder in capitals ("--log LOG", "-f FILE")
            "(?<![^\\s(\\[,|/])--?[A-Za-z][A-Za-z0-9_-]*(?:=[^\\s,;)]+|[ =][A-Z][A-Z0-9_]*(?![\\p{L}\\p{N}_]))?"
                    + "(?![\\p{L}\\p{N}_])",
            // %s %d %-5.2f %1$s, {0} {} {name}
            "(?<![\\p{L}\\p{N}%])%(?:\\d+\\$)?[-+0#]*\\d*(?:\\.\\d+)?[sdifFeEgGxXoc](?![\\p{L}\\p{N}])"
                    + "|\\{\\d*\\}|\\{[A-Za-z_][A-Za-z0-9_.]*\\}",
            // identifiers: snake_case, dotted.names(), CamelCase with inner capitals after a lower-case letter
            "\\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\\b|\\b[A-Za-z_][A-Za-z0-9_]*+(?:\\.[A-Za-z_][A-Za-z0-9_]*+){1,8}+\\(\\)"
                    + "|\\b[A-Za-z_][A-Za-z0-9_]*\\(\\)",
            // a host name without its scheme: "the nodejs.org domain", "crates.io"
            // (possessive and bounded: a long run of "ab.ab.ab." is read once, without a deep backtracking stack)
            "(?<![A-Za-z0-9._-])[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++){1,8}+(?<=\\.(?:org|com|net|io|dev|edu|gov|info|app|cn|uk|de|jp))"
                    + "(?![\\p{IsLatin}\\p{N}_-])",
            // file names with a well-known extension
            // (possessive and bounded, as host names: a long dotted run is read once)
            "\\b[A-Za-z0-9_-]++(?:\\.[A-Za-z0-9_-]++){1,8}+(?<=\\.(?:md|txt|java|py|c|h|cc|cpp|js|ts|sh|json|ya?ml|xml"
                    + "|html?|cfg|conf|ini|toml|gz|xz|bz2|tar|tgz|zip|deb|rpm|jar|so|dll|exe|log|pdf|docx?|csv|properties"
                    // the build files of a source package: Makefile.am, configure.ac, config.h.in, acinclude.m4
                    + "|am|ac|in|m4))\\b",
            // a string with two or more spaces escaped for the shell, as less(1)'s prompt "\ Manual\ page\ ?ltline"
            "(?<![^\\s(])[A-Za-z0-9._%+@~:-]*+(?=\\\\)(?:[^\\s\\\\]|\\\\\\S)*+(?:\\\\ (?:[^\\s\\\\]|\\\\\\S)*+){2,}+",
            // an MDX comment, as react.dev anchors its headings: "## React Compiler {/*react-compiler*/}"
            "\\{/\\*[^*\\n]{0,200}\\*/\\}",
            // a site generator's template expression or tag (Jekyll's Liquid, Jinja, Hugo): "{{ site.baseurl }}",
            // "{% include note.html %}"
            TEMPLATE_EXPRESSION + "|\\{%[^%\\n]{1,200}%\\}",
            // an attribute list of Pandoc or kramdown after an image, a link or a heading ("{alt='A list of words:
            // cat, apple …'}", "{: .callout}", "{#anchor .class}"): ids, classes and key=value pairs only
            "\\{:?[ \\t]*" + ATTRIBUTE + "(?:[ \\t]+" + ATTRIBUTE + ")*[ \\t]*\\}",
            // a Markdown link's destination: "[Ideal Nominees](#ideal-nominees)", "[the guide](docs/guide)",
            // "[research plan]({{ site.baseurl }}/resources/research-plan)"
            "(?<=\\])" + LINK_DESTINATION,
            // the directory entry ".." ("do not ignore the implied . and ..")
            "(?<![^\\s(\\[,])\\.\\.(?=[\\s,;)\\]]|$)",
            // an argument repeated in a synopsis or an option's list: "--members user,...", "-m 系统[,...]"
            "(?<=,)\\.{3}\\]?",
            // an escape sequence named in prose: "similarly for \a, \t, and other sequences", "end of line: '\n'"
            "(?<![\\p{L}\\p{N}\\\\])\\\\[A-Za-z](?![\\p{L}\\p{N}])"));

    private ProseMask() {
    }

    // Every alternative starts only where a run of its characters starts (a word boundary, a look-behind or a
    // literal), so a long run of letters is scanned once, not once per position (AnalyserPerformanceTest).

    /** The masked copy of {@code text} and the spans that were hidden. */
    public static Masked mask(String text) {
        Matcher m = NOT_PROSE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<Span> hidden = new ArrayList<>();
        StringBuilder out = null;
        int n = text.length();
        int pos = 0;
        // The pattern is tried only where a match can start: every match has a "telling" character (see telling())
        // before its first whitespace, preceded only by characters of leadIn(). Plain prose has few of them, so this
        // tries a handful of positions per sentence instead of every one (a full find() cost ~1 µs a character), and
        // finds exactly the matches find() would.
        while (pos < n) {
            int c = pos;
            while (c < n && !telling(text, c)) {
                c++;
            }
            if (c == n) {
                break;
            }
            int from = c;
            while (from > pos && leadIn(text.charAt(from - 1))) {
                from--;
            }
            boolean matched = false;
            for (int p = from; p <= c; p++) {
                m.region(p, n);
                if (m.lookingAt()) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                pos = c + 1;
                continue;
            }
            pos = m.end();
            int end = trimTrailingPunctuation(text, m.start(), m.end());
            if (end <= m.start()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text);
            }
            for (int i = m.start(); i < end; i++) {
                out.setCharAt(i, MASK);
            }
            hidden.add(new Span(m.start(), end));
        }
        return new Masked(out == null ? text : out.toString(), hidden);
    }

    /**
     * The regular-expression scan of the whole text that {@link #mask} must agree with (kept for the tests that
     * compare them): the spans it would hide.
     */
    static List<Span> maskByFind(String text) {
        Matcher m = NOT_PROSE.matcher(text);
        List<Span> hidden = new ArrayList<>();
        while (m.find()) {
            int end = trimTrailingPunctuation(text, m.start(), m.end());
            if (end > m.start()) {
                hidden.add(new Span(m.start(), end));
            }
        }
        return hidden;
    }

    /**
     * Whether the character at {@code i} is one that every match contains before its first whitespace: a backtick,
     * {@code @ $ % / \ _ { ( -}, or a dot or colon followed by something other than whitespace (www.x, a.b(), x.txt,
     * http://, C:\).
     */
    private static boolean telling(String text, int i) {
        char ch = text.charAt(i);
        return switch (ch) {
            case '`', '@', '$', '%', '/', '\\', '_', '{', '(', '-' -> true;
            case '.', ':' -> i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }

    /** Whether {@code ch} can come before the telling character inside a match (a-z, digits, {@code ._%+@~:-}). */
    private static boolean leadIn(char ch) {
        return ch < 128 && (Character.isLetterOrDigit(ch) || "._%+@~:-".indexOf(ch) >= 0);
    }

    /** A URL or path at the end of a sentence does not own the full stop or bracket after it. */
    private static int trimTrailingPunctuation(String text, int start, int end) {
        if (text.charAt(start) == '`' || text.charAt(end - 1) == '}' || text.startsWith("..", start) && end == start + 2
                || start > 0 && text.charAt(start - 1) == ',' && text.startsWith("...", start)
                || text.substring(start, end).contains("\\ ")) { // an escaped string owns its punctuation
            return end;
        }
        while (end > start + 1) {
            char last = text.charAt(end - 1);
            boolean unopened = (last == ')' || last == ']') && text.lastIndexOf(last == ')' ? '(' : '[', end - 1) < start;
            if (".,;:!?'\"".indexOf(last) < 0 && !unopened) {
                break;
            }
            end--;
        }
        return end;
    }

    /** How many hidden spans {@code masked} (a masked text or a piece of one) shows: its runs of {@link #MASK}. */
    public static int hiddenRuns(CharSequence masked) {
        int runs = 0;
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) == MASK && (i == 0 || masked.charAt(i - 1) != MASK)) {
                runs++;
            }
        }
        return runs;
    }

    /** A masked text and the spans of the original it hides. */
    public record Masked(String text, List<Span> hidden) {
        public Masked {
            hidden = List.copyOf(hidden);
        }

        /** True when {@code [start, end)} touches a hidden span. */
        public boolean overlapsHidden(int start, int end) {
            for (Span s : hidden) {
                if (s.start() < end && start < s.end()) {
                    return true;
                }
            }
            return false;
        }
    }
}
