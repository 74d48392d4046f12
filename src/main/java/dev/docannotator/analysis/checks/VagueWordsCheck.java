package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Quotations;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags vague and hedging words in English (whole words, any case) and Chinese. Words that are only vague in
 * one use are matched in that use: "about" before a number, 左右 after one, 可能 when it hedges an amount (可能更久,
 * not 可能需要 or 不可能). A quantifier that introduces the list that makes it exact ("in several ways:") and words
 * inside quoted speech are left alone.
 */
public final class VagueWordsCheck implements BlockCheck {
    /**
     * Deadlines and conditions nobody can check: what an editor always asks about. Not "etc." and "and so on": closing
     * a list of examples ("1K 234M 2G etc.", "KiB=K, MiB=M, and so on") they were right in every sampled case.
     */
    private static final List<String> ENGLISH_PHRASES = List.of(
            "in the near future", "at some point", "in a timely manner", "as soon as possible", "as soon as practicable",
            "in due course", "sooner or later", "as appropriate", "as needed", "if possible", "where appropriate",
            "to some extent", "in some cases", "more or less", "user-friendly", "a significant number of",
            "a large number of");
    private static final List<String> ENGLISH_HEDGES = List.of(
            "approximately", "possibly", "maybe", "perhaps", "fairly", "quite", "roughly", "probably", "somewhat",
            "relatively", "reasonably", "arguably", "presumably", "sufficiently", "adequately");
    /**
     * Quantifiers: vague unless a list or a number follows. Not "some", "several", "various" and "a few": on real
     * documents ("for some tests", "several layouts", "various operators", "a few samples") they were ordinary English
     * in every sampled case (quality benchmark, BENCHMARKS.md).
     */
    private static final List<String> ENGLISH_QUANTIFIERS = List.of("a number of", "a lot of", "lots of");
    private static final Pattern ENGLISH = Pattern.compile(Words.bounded(
            Stream.of(ENGLISH_PHRASES, ENGLISH_HEDGES, ENGLISH_QUANTIFIERS).flatMap(List::stream)
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(w -> w.replace(" ", "\\s+").replace("-", "[-‑]"))
                    .collect(Collectors.joining("|"))
                    + "|about(?=\\s+[$€£¥]?\\d)|around(?=\\s+[$€£¥]?\\d)"),
            Pattern.CASE_INSENSITIVE);
    private static final List<String> CHINESE_PHRASES = List.of(
            "不久的将来", "一定程度上", "视情况而定", "尽快", "尽早", "适当", "适时", "酌情", "近期", "必要时", "一段时间", "等等");
    private static final List<String> CHINESE_HEDGES = List.of(
            "尽可能", "差不多", "基本上", "大概", "也许", "大约", "尽量", "较为", "大致", "或许", "适量", "似乎", "好像");
    /** Not 一些, 某些 and 若干: like "some", ordinary Chinese in every sampled case on real documents (包含若干个小节). */
    private static final List<String> CHINESE_QUANTIFIERS = List.of("不少");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!不)(?:" + Stream.of(CHINESE_PHRASES, CHINESE_HEDGES, CHINESE_QUANTIFIERS).flatMap(List::stream)
                    .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"))
                    + ")|(?<=[0-9零一二三四五六七八九十百千万两][个天人次年月周元%％]?)左右"
                    // 可能 is "may" (您可能需要…, 可能更方便) unless it hedges an amount: 可能比平时多, 可能更久
                    + "|(?<!不)可能(?=会?(?:比|[更较]?[多少久长]))");
    /** The characters a Chinese match starts with: the first of each word, and 左 of 左右. */
    private static final String CHINESE_FIRST = Stream.of(CHINESE_PHRASES, CHINESE_HEDGES, CHINESE_QUANTIFIERS)
            .flatMap(List::stream).map(w -> w.substring(0, 1)).distinct().collect(Collectors.joining()) + "左可";
    private static final Set<String> PHRASE_KEYS = keys(ENGLISH_PHRASES, CHINESE_PHRASES);
    private static final Set<String> QUANTIFIER_KEYS = keys(ENGLISH_QUANTIFIERS, CHINESE_QUANTIFIERS);
    /**
     * Approximators: "roughly 10K records weighing about 1KB each", "remains roughly the same", 3天左右 describe data
     * honestly, and a figure is given; they hedge only an estimate or a promise ("we expect to cut load times
     * approximately in half", 预计缩短大概一半), which an editor wants made firm.
     */
    private static final Set<String> APPROXIMATORS = Set.of(
            "about", "around", "approximately", "roughly", "大约", "大概", "左右", "大致", "差不多");
    /** A figure right after the approximator: digits, "the same", "equal", 一半. */
    private static final Pattern FIGURE_AFTER = Pattern.compile(
            "\\s*(?:[$€£¥]?\\d|the\\s+same\\b|equal\\b|identical\\b|constant\\b|[零一二三四五六七八九十百千万两半])",
            Pattern.CASE_INSENSITIVE);
    /**
     * What makes a sentence an estimate, a promise, an instruction or a limit rather than a description: there an
     * approximate figure or "if possible" leaves the reader unable to check what was promised or allowed ("the limit
     * is approximately 25 MB" is no limit).
     */
    private static final Pattern FORECAST = Pattern.compile(
            "\\b(?:will|shall|should|expects?|expected|expecting|estimates?|estimated|plans?|planned|planning"
                    + "|forecasts?|anticipated?|anticipates|aims?|targets?|going\\s+to|must|please|try"
                    + "|limits?|maximum|minimum|deadlines?|budgets?|quotas?|at\\s+(?:most|least)|no\\s+more\\s+than)\\b"
                    + "|['’]ll\\b|预计|预期|估计|计划|将|会|争取|力争|打算|目标|应该|有望|上限|下限|不超过|最多|至少|截止|预算",
            Pattern.CASE_INSENSITIVE);
    /** "other (possibly commercial) programs", "a possibly empty list": it says the scope includes both cases. */
    private static final Pattern SCOPE_BEFORE = Pattern.compile(
            "(?:\\(|\\b(?:a|an|the|any|each|every|other|its|their|your|our|this|these|those)\\s+)$",
            Pattern.CASE_INSENSITIVE);
    /** "as long as needed to satisfy these requirements": the purpose that follows says how much is needed. */
    private static final Pattern PURPOSE = Pattern.compile("\\s+(?:to|for)\\s");
    /** "in a number of ways:" — a few words, then the colon that opens the list. */
    private static final Pattern OPENS_LIST = Pattern.compile("^[\\p{L}\\p{N}\\s'’-]{0,40}[:：]");

    @Override
    public Check check() {
        return Check.VAGUE_WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        List<Span> quoted = Quotations.find(text);
        report(block, text, new StartScan(ENGLISH, text, StartScan.wordStart(StartScan::isAsciiLetter)), quoted, out);
        report(block, text, new StartScan(CHINESE, text, StartScan.oneOf(CHINESE_FIRST)), quoted, out);
    }

    /** How strong a finding of rule {@code rule} is: an unverifiable deadline or condition above a hedge above a quantifier. */
    static double weight(String rule) {
        String key = rule.substring(rule.indexOf('/') + 1);
        return PHRASE_KEYS.contains(key) ? 3 : QUANTIFIER_KEYS.contains(key) ? 1 : 2;
    }

    private static void report(TextBlock block, String text, StartScan scan, List<Span> quoted, Findings out) {
        Matcher m = scan.matcher();
        while (scan.find()) {
            String word = m.group();
            String key = key(word);
            if (Quotations.inside(quoted, m.start(), m.end())
                    || QUANTIFIER_KEYS.contains(key) && opensList(text, m.end())
                    || key.equals("as_needed") && PURPOSE.matcher(text).region(m.end(), text.length()).lookingAt()
                    || APPROXIMATORS.contains(key) && describesData(text, m.start(), m.end(), key)
                    || key.equals("if_possible") && !inCommitment(text, m.start(), m.end())
                    || (key.equals("possibly") || key.equals("perhaps")) && SCOPE_BEFORE.matcher(
                            text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                continue;
            }
            out.add(block, m.start(), m.end(), Check.VAGUE_WORDS, Severity.INFO,
                    out.message("vague_words.message", word), null,
                    "vague_words/" + key);
        }
    }

    /** An approximate figure in a sentence that states what is, not what will be. */
    private static boolean describesData(String text, int start, int end, String key) {
        // 左右 is only matched after a figure (3天左右)
        boolean figure = key.equals("左右") || FIGURE_AFTER.matcher(text).region(end, text.length()).lookingAt();
        return figure && !inCommitment(text, start, end);
    }

    /**
     * Whether the sentence around {@code [start, end)} is an estimate, a promise or an instruction (will, expect,
     * must, 预计 …) rather than a description of what is or what a program does.
     */
    private static boolean inCommitment(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !endsSentence(text, to)) {
            to++;
        }
        return FORECAST.matcher(text).region(from, to).find();
    }

    /** A full stop, question or exclamation mark before a space (not the point of 1.5), or a Chinese one. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return "。！？；".indexOf(c) >= 0
                || ".!?;".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** Whether a list opens within a few words after {@code at}: a region, not a copy of the rest of the block per word. */
    private static boolean opensList(String text, int at) {
        return OPENS_LIST.matcher(text).region(at, Math.min(text.length(), at + 41)).find();
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[\\s‑-]+", "_");
    }

    @SafeVarargs
    private static Set<String> keys(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).map(VagueWordsCheck::key).collect(Collectors.toUnmodifiableSet());
    }
}
