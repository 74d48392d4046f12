package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.VagueScope;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Quotations;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags vague words where a reader needs what they leave out: a date, a figure, a criterion or a firm commitment.
 * An uncheckable deadline ("in the near future", 尽快) always leaves a date out. Everything else — an unstated condition
 * ("as needed", 适当), a hedge ("probably", 或许), an approximate figure ("approximately", 大约), a degree word
 * ("sufficiently", "relatively", 较为) and a quantifier ("a number of", 不少) — only matters in a sentence that promises,
 * plans, estimates, requires, instructs or limits (see {@link Commitments}): "the description must be sufficiently
 * detailed" is vague, "is quite different from the ordinary GPL" and "completions for a number of commands" describe
 * and are not. Also left alone: words inside quoted speech, a quantifier that introduces its list ("in several
 * ways:"), "reasonably" in a legal text (the law's standard of reasonableness, a term of art), a word that is part of
 * a hyphenated name ({@code c-maybe}), and 尽量/尽可能 before an attribute ("尽量复杂的密码", "as complex as possible").
 * <p>Unless the user asks for vague words by name ({@link VagueScope}), technical documentation — manual pages,
 * READMEs, FAQs ({@link Genre#MANUAL}, {@link Genre#TECHNICAL}) — is not read at all: its "should" and "please" instruct
 * the reader, its author promises nothing, and on every unseen set nearly all its vague words were judged false.
 */
public final class VagueWordsCheck implements BlockCheck {

    /** What a vague word leaves out, which decides where it matters and how strong its finding is. */
    enum Kind {
        /** A date: always worth asking for. */
        DEADLINE(3),
        /** The condition under which something happens. */
        CONDITION(3),
        /** How sure the author is. */
        HEDGE(2),
        /** The figure itself. */
        APPROXIMATION(2),
        /** How much of a quality is enough. */
        DEGREE(2),
        /** How many. */
        QUANTIFIER(1);

        final double weight;

        Kind(double weight) {
            this.weight = weight;
        }
    }

    /**
     * Not "etc." and "and so on" (nor 等等): closing a list of examples ("1K 234M 2G etc.") they were right in every
     * sampled case. Not "some", "several", "various", "a few", 一些, 某些, 若干: ordinary English and Chinese.
     */
    private static final Map<String, Kind> ENGLISH_WORDS = words(
            of(Kind.DEADLINE, "in the near future", "at some point", "in a timely manner", "as soon as possible",
                    "as soon as practicable", "in due course", "sooner or later"),
            of(Kind.CONDITION, "as appropriate", "as needed", "if possible", "where appropriate", "to some extent",
                    "in some cases", "more or less"),
            of(Kind.HEDGE, "possibly", "maybe", "perhaps", "probably", "arguably", "presumably"),
            of(Kind.APPROXIMATION, "approximately", "roughly"),
            of(Kind.DEGREE, "fairly", "quite", "somewhat", "relatively", "reasonably", "sufficiently",
                    "adequately", "user-friendly"),
            of(Kind.QUANTIFIER, "a significant number of", "a large number of", "a number of", "a lot of",
                    "lots of"));
    private static final Map<String, Kind> CHINESE_WORDS = words(
            of(Kind.DEADLINE, "不久的将来", "尽快", "尽早", "适时", "近期", "一段时间"),
            of(Kind.CONDITION, "一定程度上", "视情况而定", "适当", "酌情", "必要时"),
            of(Kind.HEDGE, "也许", "或许", "似乎", "好像"),
            of(Kind.APPROXIMATION, "差不多", "大概", "大约", "大致"),
            of(Kind.DEGREE, "尽可能", "基本上", "尽量", "较为", "适量"),
            of(Kind.QUANTIFIER, "不少"));
    private static final Pattern ENGLISH = Pattern.compile(Words.bounded(
            ENGLISH_WORDS.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(w -> w.replace(" ", "\\s+").replace("-", "[-‑]"))
                    .collect(Collectors.joining("|"))
                    + "|about(?=\\s+[$€£¥]?\\d)|around(?=\\s+[$€£¥]?\\d)"),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!不)(?:" + CHINESE_WORDS.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"))
                    + ")|(?<=[0-9零一二三四五六七八九十百千万两][个天人次年月周元%％]?)左右"
                    // 可能 is "may" (您可能需要…, 可能更方便) unless it hedges an amount: 可能比平时多, 可能更久
                    + "|(?<!不)可能(?=会?(?:比|[更较]?[多少久长]))");
    /** The characters a Chinese match starts with: the first of each word, and 左 of 左右. */
    private static final String CHINESE_FIRST = CHINESE_WORDS.keySet().stream()
            .map(w -> w.substring(0, 1)).distinct().collect(Collectors.joining()) + "左可";
    /**
     * Approximators: "roughly 10K records weighing about 1KB each", "remains roughly the same", 3天左右 describe data
     * honestly, and a figure is given; they hedge only an estimate or a promise ("we expect to cut load times
     * approximately in half", 预计缩短大概一半), which an editor wants made firm.
     */
    private static final Set<String> APPROXIMATORS = Set.of(
            "about", "around", "approximately", "roughly", "大约", "大概", "左右", "大致", "差不多");
    /** An amount hedged by 可能 (可能比平时多) is an estimate by itself. */
    private static final String HEDGED_AMOUNT = "可能";
    /** "other (possibly commercial) programs", "a possibly empty list": it says the scope includes both cases. */
    private static final Pattern SCOPE_BEFORE = Pattern.compile(
            "(?:\\(|\\b(?:a|an|the|any|each|every|other|its|their|your|our|this|these|those)\\s+)$",
            Pattern.CASE_INSENSITIVE);
    /** "as long as needed to satisfy these requirements": the purpose that follows says how much is needed. */
    private static final Pattern PURPOSE = Pattern.compile("\\s+(?:to|for)\\s");
    /** "in a number of ways:" — a few words, then the colon that opens the list. */
    private static final Pattern OPENS_LIST = Pattern.compile("^[\\p{L}\\p{N}\\s'’-]{0,40}[:：]");
    /** 尽量复杂的密码: "as complex as possible" describing the thing to choose, not a hedged promise. */
    private static final Pattern ATTRIBUTE_AFTER = Pattern.compile("\\p{IsHan}{1,4}的");

    private final VagueScope scope;

    /** Every genre, as when the user asks for vague words. */
    public VagueWordsCheck() {
        this(VagueScope.ALL_DOCUMENTS);
    }

    public VagueWordsCheck(VagueScope scope) {
        this.scope = scope;
    }

    @Override
    public Check check() {
        return Check.VAGUE_WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        Genre genre = out.facts().genre();
        if (scope == VagueScope.OUTSIDE_DOCUMENTATION && genre.isDocumentation()) {
            return; // documentation explains a program; nobody is held to its "some", "probably" or "as needed"
        }
        List<Span> quoted = Quotations.find(text);
        report(block, text, new StartScan(ENGLISH, text, StartScan.wordStart(StartScan::isAsciiLetter)), quoted, genre,
                out);
        report(block, text, new StartScan(CHINESE, text, StartScan.oneOf(CHINESE_FIRST)), quoted, genre, out);
    }

    /** How strong a finding of rule {@code rule} is: a missing date or condition above a hedge above a quantifier. */
    static double weight(String rule) {
        return kind(rule.substring(rule.indexOf('/') + 1)).weight;
    }

    private static void report(TextBlock block, String text, StartScan scan, List<Span> quoted, Genre genre,
                               Findings out) {
        Matcher m = scan.matcher();
        while (scan.find()) {
            String word = m.group();
            String key = key(word);
            if (!matters(text, m.start(), m.end(), key, quoted, genre)) {
                continue;
            }
            out.add(block, m.start(), m.end(), Check.VAGUE_WORDS, Severity.INFO,
                    out.message("vague_words.message", word), null,
                    "vague_words/" + key);
        }
    }

    /** Whether the vague word {@code key} at {@code [start, end)} leaves out something the reader needs. */
    private static boolean matters(String text, int start, int end, String key, List<Span> quoted, Genre genre) {
        Kind kind = kind(key);
        if (Quotations.inside(quoted, start, end) || partOfAName(text, start, end)
                || kind == Kind.QUANTIFIER && opensList(text, end)
                || key.equals("as_needed") && PURPOSE.matcher(text).region(end, text.length()).lookingAt()
                || key.equals("reasonably") && genre == Genre.LEGAL
                || (key.equals("尽量") || key.equals("尽可能"))
                        && ATTRIBUTE_AFTER.matcher(text).region(end, text.length()).lookingAt()
                || (key.equals("possibly") || key.equals("perhaps")) && SCOPE_BEFORE.matcher(
                        text.substring(Math.max(0, start - 12), start)).find()) {
            return false;
        }
        if (kind == Kind.DEADLINE || key.equals(HEDGED_AMOUNT)) {
            return true;
        }
        boolean commits = Commitments.around(text, start, end, genre);
        if (APPROXIMATORS.contains(key) && !commits) {
            return false; // an approximate figure that describes data: "roughly 10K records", 3天左右
        }
        return commits;
    }

    /** "c-maybe", "well-quite": joined by a hyphen to another word, the word is part of a name or a value. */
    private static boolean partOfAName(String text, int start, int end) {
        boolean before = start >= 2 && isHyphen(text.charAt(start - 1)) && Character.isLetterOrDigit(text.charAt(start - 2));
        boolean after = end + 1 < text.length() && isHyphen(text.charAt(end)) && Character.isLetterOrDigit(text.charAt(end + 1));
        return before || after;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '‑';
    }

    /** Whether a list opens within a few words after {@code at}: a region, not a copy of the rest of the block per word. */
    private static boolean opensList(String text, int at) {
        return OPENS_LIST.matcher(text).region(at, Math.min(text.length(), at + 41)).find();
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[\\s‑-]+", "_");
    }

    /** The kind of the vague word whose key is {@code key}: about/around before a number and 左右 approximate. */
    private static Kind kind(String key) {
        Kind kind = KINDS.get(key);
        return kind != null ? kind : key.equals(HEDGED_AMOUNT) ? Kind.HEDGE : Kind.APPROXIMATION;
    }

    private static final Map<String, Kind> KINDS = Stream.of(ENGLISH_WORDS, CHINESE_WORDS)
            .flatMap(m -> m.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(e -> key(e.getKey()), Map.Entry::getValue));

    /** One kind's words. */
    private record Vocabulary(Kind kind, List<String> words) {
    }

    private static Vocabulary of(Kind kind, String... words) {
        return new Vocabulary(kind, List.of(words));
    }

    /** Every word with its kind, in the order given. */
    private static Map<String, Kind> words(Vocabulary... lists) {
        Map<String, Kind> words = new LinkedHashMap<>();
        for (Vocabulary list : lists) {
            list.words().forEach(w -> words.put(w, list.kind()));
        }
        return words;
    }
}
