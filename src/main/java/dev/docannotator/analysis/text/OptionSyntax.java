package dev.docannotator.analysis.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document writes in command-line syntax, read once per document (the checks used to scan the whole text for
 * options six times, each with its own pattern): the options' names and joined values ({@code --sort=inode}), the
 * placeholders after options ({@code --timeout=seconds}, an option list's head {@code -o file, --old-file=file}), the
 * long options with several parts ({@code --force-yes}), the placeholders of a synopsis' argument specs and bracketed
 * syntax ({@code -L [bind_address:]port:host:hostport}, {@code [starting-point...]}, {@code <file-name>}), and where
 * an option ends.
 * <p>Every option starts at a dash that no dash precedes, so the text is walked once for those dashes and each
 * pattern is tried only there ({@code lookingAt} with transparent bounds: the same matches as a {@code find()} over
 * the whole text). The patterns differ on purpose, each in what its reader needs: which characters may stand before
 * an option, and whether a name in capitals or a {@code no-} prefix counts. Offsets are offsets in the text given.
 */
public final class OptionSyntax {
    /**
     * An option's name, without a {@code no-} prefix ({@code --seek}, {@code --no-seek}), and its value if any. The
     * possessive loops keep a name of thousands of parts ({@code --a-a-a…}) from recursing once per part.
     */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}_-])--?(?:no-)?(\\p{Ll}[\\p{Ll}\\p{N}]*+(?:-[\\p{Ll}\\p{N}]++)*+)"
                    + "(?:\\[?=(\\p{Ll}[\\p{Ll}\\p{N}-]*))?");
    private static final int KEYWORD_LETTERS = 3;

    /** {@code --timeout=seconds}, {@code --password[=password]}: a value joined to its option, anywhere in the text. */
    private static final Pattern JOINED = Pattern.compile(
            "(?<![^\\s(\\[,|])--?[A-Za-z0-9][A-Za-z0-9_-]*(?:=|\\[=)([a-z][a-z0-9-]*)(?![A-Za-z0-9_])");
    /**
     * {@code --status-file file}, {@code -o file, --old-file=file}: an option list's head, at the start of a line
     * (after other options of the same item), its placeholder ending the head: at the line's end, before a comma,
     * a bracket, an ellipsis or the description's column. In a sentence ("use -v to enable it") the word after an
     * option is the sentence's next word, and the head pattern does not take it.
     */
    private static final Pattern HEAD = Pattern.compile(
            "(?m)^[ \\t]*+(?:--?[A-Za-z0-9][A-Za-z0-9_-]*+(?:[= ][^\\s,]++)?,[ \\t]*+)*+"
                    + "--?[A-Za-z0-9][A-Za-z0-9_-]* ([a-z][a-z0-9-]*)(?=,|\\]|\\.\\.\\.|[ \\t]*\\r?$|[ \\t]{2,})");
    /**
     * Words a justified line can put right after an option ("-r is  implied", "--prefix the …") that are never a
     * placeholder's name: a doubled "is is" or "the the" stays a slip.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "to",
            "of", "and", "or", "in", "on", "for", "it", "as", "by", "at", "with", "not", "no", "if", "this", "that");

    /** A long option whose name has several parts: {@code --force-yes}, {@code --export-options}. */
    private static final Pattern LONG_OPTION = Pattern.compile(
            "(?<![\\w-])--([A-Za-z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)++)(?![\\w-])");

    /**
     * An option in a manual's syntax, with the space or {@code =} before its value ({@code --engine <name>}): a
     * dashed word after a space, a bracket, a comma or a bar.
     */
    private static final Pattern OPTION_AND_SEPARATOR = Pattern.compile(
            "(?<![^\\s(\\[,|])--?[A-Za-z0-9][A-Za-z0-9_-]*[ =]");

    /** An option and a colon-joined argument spec after it: {@code -L [bind_address:]port:host:hostport}. */
    private static final Pattern OPTION_SPEC = Pattern.compile(
            "(?<![\\w-])--?[A-Za-z][\\w-]*[ \\t=]+(\\[?[A-Za-z_][\\w\\[\\]-]*:[\\w\\[\\]:-]*[\\w\\]])(?![\\w/:])");
    /** A syntax in square brackets: an option or a quoted literal with placeholders, {@code [ "~" word-size ]}. */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]\\n]{1,60})\\]");
    /** One part of a bracketed syntax: a flag, a quoted literal, a placeholder, an ellipsis or a bar. */
    private static final Pattern SYNTAX_PART = Pattern.compile(
            "\\s*(?:(--?[A-Za-z][\\w-]*)|(\"[^\"]{1,6}\"|'[^']{1,6}')|([A-Za-z_][\\w-]*)|\\.\\.\\.|\\|)\\s*");
    /** A synopsis' "[options]", "[OPTION]...": the options, named rather than listed; not a Markdown link's text. */
    private static final Pattern OPTIONS_IN_BRACKETS = Pattern.compile("(?i)\\[options?\\](?!\\()");
    /** How deep brackets nest in a synopsis ({@code [originalfile [patchfile]]}) before the rest is not syntax. */
    private static final int MAX_NESTING = 3;
    /** An option on the line: {@code -o}, {@code --engine}. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z]");
    /** A placeholder in angle brackets: {@code <file-name>}. */
    private static final Pattern ANGLED = Pattern.compile("<([A-Za-z][\\w-]*)>");
    private static final Pattern PART = Pattern.compile("[A-Za-z_][\\w-]*");

    private final Set<String> keywords;
    private final Set<String> metavariables;
    private final Set<String> longOptions;
    private final Set<String> placeholders;
    private final Set<String> operands;
    /** Where each {@link #OPTION_AND_SEPARATOR} starts and ends (the separator's offset), in order. */
    private final int[] optionStarts;
    private final int[] separators;
    /** Where the placeholders are written in their syntax: disjoint spans, in order. */
    private final int[] placeholderStarts;
    private final int[] placeholderEnds;

    private OptionSyntax(Set<String> keywords, Set<String> metavariables, Set<String> longOptions,
                         Set<String> placeholders, Set<String> operands, int[] optionStarts, int[] separators,
                         List<Span> placeholderUses) {
        this.keywords = Set.copyOf(keywords);
        this.metavariables = Set.copyOf(metavariables);
        this.longOptions = Set.copyOf(longOptions);
        this.placeholders = Set.copyOf(placeholders);
        this.operands = Set.copyOf(operands);
        this.optionStarts = optionStarts;
        this.separators = separators;
        List<Span> merged = merged(placeholderUses);
        this.placeholderStarts = merged.stream().mapToInt(Span::start).toArray();
        this.placeholderEnds = merged.stream().mapToInt(Span::end).toArray();
    }

    /** Reads {@code text}'s option syntax. */
    public static OptionSyntax of(String text) {
        int[] dashes = dashRunStarts(text);
        Set<String> keywords = new HashSet<>();
        each(KEYWORD, text, dashes, m -> {
            for (int group = 1; group <= 2; group++) {
                String word = m.group(group);
                if (word != null && word.length() >= KEYWORD_LETTERS) {
                    keywords.add(word);
                }
            }
        });
        Set<String> metavariables = new HashSet<>();
        each(JOINED, text, dashes, m -> metavariables.add(m.group(1).toLowerCase(Locale.ROOT)));
        each(HEAD, text, lineStartsBeforeADash(text, dashes),
                m -> metavariables.add(m.group(1).toLowerCase(Locale.ROOT)));
        metavariables.removeAll(FUNCTION_WORDS);
        Set<String> longOptions = new HashSet<>();
        each(LONG_OPTION, text, dashes, m -> longOptions.add(m.group(1).toLowerCase(Locale.ROOT)));
        List<int[]> options = new ArrayList<>();
        each(OPTION_AND_SEPARATOR, text, dashes, m -> options.add(new int[] {m.start(), m.end() - 1}));
        Set<String> placeholders = new HashSet<>();
        Set<String> operands = new HashSet<>();
        List<Span> uses = new ArrayList<>();
        each(OPTION_SPEC, text, dashes, m -> {
            Matcher part = PART.matcher(m.group(1));
            while (part.find()) {
                placeholders.add(part.group().toLowerCase(Locale.ROOT));
                uses.add(new Span(m.start(1) + part.start(), m.start(1) + part.end()));
            }
        });
        Set<String> fields = new HashSet<>(placeholders);
        collectBracketedAndAngled(text, dashes, placeholders, fields, operands, uses);
        operands.removeAll(fields); // a word that is a field of a grammar or a spec somewhere is no operand
        return new OptionSyntax(keywords, metavariables, longOptions, placeholders, operands,
                options.stream().mapToInt(o -> o[0]).toArray(), options.stream().mapToInt(o -> o[1]).toArray(), uses);
    }

    /**
     * The words the text writes as an option's name or value, of three letters or more: {@code seek} for
     * {@code --seek} and {@code --no-seek}, {@code inode} for {@code --sort=inode}; a keyword of the program.
     */
    public Set<String> keywords() {
        return keywords;
    }

    /**
     * The lower-case placeholders the text gives its options ({@code --timeout=seconds}, {@code --password[=password]},
     * an option list's head {@code --status-file file} or {@code -o file, --old-file=file}); a function word ("-r is
     * implied") is none.
     */
    public Set<String> metavariables() {
        return metavariables;
    }

    /** The long options with several parts, in lower case, without their dashes: {@code force-yes}. */
    public Set<String> longOptions() {
        return longOptions;
    }

    /**
     * The placeholders of a synopsis, in lower case: the parts of an option's colon-joined argument spec ({@code -L
     * [bind_address:]port:host:hostport}), the words of a bracketed syntax ({@code [ "~" word-size ]}, {@code q
     * [exit-code]} beside an option) and a word in angle brackets on a line with an option ({@code <file-name>}).
     */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The placeholders that are one word alone in brackets beside an option, {@code [starting-point...]} or {@code
     * <e-mail>}: an operand the synopsis names in the reader's own words, which the prose goes on using as words
     * (unlike a field of a grammar, {@code [ "~" word-size ]}, or the parts of a spec, {@code port:host:hostport}).
     */
    public Set<String> operands() {
        return operands;
    }

    /**
     * Whether {@code [start, end)} touches a placeholder where the syntax writes it ({@code [starting-point...]}, the
     * {@code hostport} of {@code -L [bind_address:]port:host:hostport}): a use in the syntax, not in the prose.
     */
    public boolean isPlaceholderUse(int start, int end) {
        int i = Arrays.binarySearch(placeholderStarts, end);
        int before = (i >= 0 ? i : -i - 1) - 1; // the last span starting before end
        return before >= 0 && placeholderEnds[before] > start;
    }

    /** Overlapping spans joined, in order of their starts. */
    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() < last.end()) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether an option and a space or {@code =} end right before {@code at} ({@code --engine <name>}), or before a
     * line break right before it, the option starting at {@code from} or later.
     */
    public boolean optionRightBefore(int at, int from, CharSequence text) {
        int i = Arrays.binarySearch(separators, at - 1);
        if (i < 0) {
            i = -i - 2; // the last separator before at - 1: a line break may stand between
        }
        if (i < 0 || optionStarts[i] < from) {
            return false;
        }
        int after = separators[i] + 1;
        return after == at || isLineBreak(text, after, at);
    }

    /** {@code text[from, to)} is one line terminator, as {@code $} reads one before the end of its region. */
    private static boolean isLineBreak(CharSequence text, int from, int to) {
        if (to - from == 2) {
            return text.charAt(from) == '\r' && text.charAt(from + 1) == '\n';
        }
        return to - from == 1 && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(from)) >= 0;
    }

    /** The offsets of every dash that no dash precedes: where an option can start. */
    private static int[] dashRunStarts(String text) {
        int[] found = new int[16];
        int count = 0;
        for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
            if (i == 0 || text.charAt(i - 1) != '-') {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The line starts (as {@code (?m)^} reads them) that only blanks separate from a dash: where a head can start. */
    private static int[] lineStartsBeforeADash(String text, int[] dashes) {
        int[] starts = new int[dashes.length];
        int count = 0;
        for (int d : dashes) {
            int s = d;
            while (s > 0 && (text.charAt(s - 1) == ' ' || text.charAt(s - 1) == '\t')) {
                s--;
            }
            if (s == 0 || "\n\r\u0085\u2028\u2029".indexOf(text.charAt(s - 1)) >= 0) {
                starts[count++] = s;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The matches {@code pattern.matcher(text).find()} would give, tried only at {@code starts} (in order): every
     * match of the pattern starts at one of them.
     */
    private static void each(Pattern pattern, String text, int[] starts, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int next = 0;
        for (int start : starts) {
            if (start < next) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                action.accept(m);
                next = m.end();
            }
        }
    }

    /** Per line: bracketed syntax, and a word in angle brackets when an option is on the line. */
    private static void collectBracketedAndAngled(String text, int[] dashes, Set<String> into, Set<String> fields,
                                                  Set<String> operands, List<Span> uses) {
        List<Integer> optionAt = new ArrayList<>();
        Matcher option = OPTION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int d : dashes) {
            if (option.region(d, text.length()).lookingAt()) {
                optionAt.add(d);
            }
        }
        int nextOption = 0;
        // the next '[' and '<' at or after the line's start: each is looked for once, not once per line
        int bracketAt = text.indexOf('[');
        int angleAt = text.indexOf('<');
        for (int lineStart = 0; lineStart <= text.length(); ) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            while (nextOption < optionAt.size() && optionAt.get(nextOption) < lineStart) {
                nextOption++;
            }
            if (bracketAt >= 0 && bracketAt < lineStart) {
                bracketAt = text.indexOf('[', lineStart);
            }
            if (angleAt >= 0 && angleAt < lineStart) {
                angleAt = text.indexOf('<', lineStart);
            }
            boolean besideAnOption = nextOption < optionAt.size() && optionAt.get(nextOption) < lineEnd;
            String line = null;
            if (bracketAt >= 0 && bracketAt < lineEnd) {
                line = text.substring(lineStart, lineEnd);
                // "patch [options] [originalfile [patchfile]]": a synopsis names its options in brackets
                besideAnOption |= OPTIONS_IN_BRACKETS.matcher(line).find();
                // a lone word in brackets is an option's placeholder only beside an option: "Name <e-mail>" in a
                // letter template or a link "[e-mail](mailto:…)" leaves the prose word "e-mail" a term like any other
                // (innermost brackets first, then, with those blanked out, the ones around them)
                String level = line;
                for (int depth = 0; depth < MAX_NESTING && level.indexOf('[') >= 0; depth++) {
                    Matcher bracket = BRACKETED.matcher(level);
                    StringBuilder outer = new StringBuilder(level);
                    while (bracket.find()) {
                        collectBracketed(bracket.group(1).stripTrailing(), lineStart + bracket.start(1),
                                besideAnOption, into, fields, operands, uses);
                        for (int k = bracket.start(); k < bracket.end(); k++) {
                            outer.setCharAt(k, ' ');
                        }
                    }
                    if (outer.toString().equals(level)) {
                        break;
                    }
                    level = outer.toString();
                }
            }
            if (besideAnOption && angleAt >= 0 && angleAt < lineEnd) {
                line = line != null ? line : text.substring(lineStart, lineEnd);
                Matcher angled = ANGLED.matcher(line);
                while (angled.find()) {
                    into.add(angled.group(1).toLowerCase(Locale.ROOT));
                    operands.add(angled.group(1).toLowerCase(Locale.ROOT));
                    uses.add(new Span(lineStart + angled.start(1), lineStart + angled.end(1)));
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    /**
     * {@code [exit-code]}, {@code [-B bind_interface]}, {@code [ "~" word-size ]}: one placeholder alone, or placeholders
     * beside a flag or a quoted literal. Prose in brackets ("[see the notes below]") has neither and more words.
     */
    private static void collectBracketed(String content, int offset, boolean besideAnOption, Set<String> into,
                                         Set<String> fields, Set<String> operands, List<Span> uses) {
        Matcher part = SYNTAX_PART.matcher(content);
        Set<String> words = new HashSet<>();
        List<Span> at = new ArrayList<>();
        boolean marked = false;
        int end = 0;
        while (end < content.length() && part.region(end, content.length()).lookingAt() && part.end() > end) {
            marked |= part.group(1) != null || part.group(2) != null;
            if (part.group(3) != null) {
                words.add(part.group(3).toLowerCase(Locale.ROOT));
                at.add(new Span(offset + part.start(3), offset + part.end(3)));
            }
            end = part.end();
        }
        boolean operand = besideAnOption && !marked && words.size() == 1
                && content.strip().length() == content.length();
        if (end == content.length() && (marked && words.size() <= 3 || operand)) {
            into.addAll(words);
            uses.addAll(at);
            (operand ? operands : fields).addAll(words);
        }
    }
}
