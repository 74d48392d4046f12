package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.VagueScope;
import dev.docannotator.analysis.text.EnglishTagging;
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
 * An uncheckable deadline ("in the near future", 尽快) always leaves a date out. Everything else — an unverifiable
 * standard ("sufficiently", "where appropriate"), an approximate figure ("approximately", 大约), an unstated condition
 * ("as needed", 必要时), a hedge ("probably", 或许), a degree word ("relatively", 较为) and a quantifier ("a number of",
 * 不少) — only matters in a sentence that promises, plans, estimates, requires, instructs or limits (see
 * {@link Commitments}): "the description must be sufficiently detailed" is vague, "is quite different from the ordinary
 * GPL" and "completions for a number of commands" describe and are not. Also left alone: words inside quoted speech,
 * a quantifier that introduces its list ("in several ways:"), "reasonably" in a legal text (the law's standard of
 * reasonableness, a term of art), a standard whose test follows ("sufficiently relieved to generate forward motion"),
 * a word that is part of a hyphenated name ({@code c-maybe}), and 尽量/尽可能 before an attribute ("尽量复杂的密码", "as
 * complex as possible").
 * <p>Unless the user asks for vague words by name ({@link VagueScope}), only the words that withhold what the reader
 * needs are reported — a date, a figure or a checkable standard ({@link Kind#withholds}) — and technical documentation
 * — manual pages, READMEs, FAQs ({@link Genre#MANUAL}, {@link Genre#TECHNICAL}) — is not read at all: its "should" and
 * "please" instruct the reader, its author promises nothing, and on every unseen set nearly all its vague words were
 * judged false. Hedges, degree words, discretion ("as needed", 必要时) and quantifiers are the author's voice: on real
 * general writing every one reported under the broad ask was judged false ("perhaps more importantly", 也许, 好像,
 * "one thing … quite another", 根据需要和适当), so they wait for a requirement that names vague words. Outside a
 * licence, contract or regulation the broad ask also wants the sentence to bind firmly ({@link Commitments#firmAround}):
 * the author's promise or estimate, an obligation or a limit, not advice, a request or a future that reports.
 */
public final class VagueWordsCheck implements BlockCheck {

    /** What a vague word leaves out, which decides where it matters and how strong its finding is. */
    enum Kind {
        /** A date: always worth asking for. */
        DEADLINE(3, true),
        /** The test a reader could apply: "sufficiently detailed", "where appropriate" — by whose judgement? */
        STANDARD(3, true),
        /** The figure itself: "approximately in half", 适当增加人手, 可能比平时多 (more than usual: by how much?). */
        AMOUNT(2, true),
        /** The condition under which something happens, left to someone's discretion on purpose. */
        CONDITION(3, false),
        /** How sure the author is. */
        HEDGE(2, false),
        /** How much of a quality. */
        DEGREE(2, false),
        /** How many. */
        QUANTIFIER(1, false);

        final double weight;
        /** Whether the broad ask reports it: it withholds something the reader needs and the text cannot give. */
        final boolean withholds;

        Kind(double weight, boolean withholds) {
            this.weight = weight;
            this.withholds = withholds;
        }
    }

    /**
     * Not "etc." and "and so on" (nor 等等): closing a list of examples ("1K 234M 2G etc.") they were right in every
     * sampled case. Not "some", "several", "various", "a few", 一些, 某些, 若干: ordinary English and Chinese.
     */
    private static final Map<String, Kind> ENGLISH_WORDS = words(
            of(Kind.DEADLINE, "in the near future", "at some point", "in a timely manner", "as soon as possible",
                    "as soon as practicable", "in due course"),
            of(Kind.STANDARD, "where appropriate", "sufficiently", "adequately", "reasonably", "user-friendly"),
            of(Kind.AMOUNT, "approximately", "roughly"),
            of(Kind.CONDITION, "as appropriate", "as needed", "if possible", "to some extent", "in some cases",
                    "more or less"),
            // "will break sooner or later": inevitability, no date could be given (systemd's README)
            of(Kind.HEDGE, "possibly", "maybe", "perhaps", "probably", "arguably", "presumably", "sooner or later"),
            of(Kind.DEGREE, "fairly", "quite", "somewhat", "relatively"),
            of(Kind.QUANTIFIER, "a significant number of", "a large number of", "a number of", "a lot of",
                    "lots of"));
    private static final Map<String, Kind> CHINESE_WORDS = words(
            of(Kind.DEADLINE, "不久的将来", "尽快", "尽早", "适时", "近期", "一段时间"),
            of(Kind.AMOUNT, "差不多", "大概", "大约", "大致", "适量"),
            // 适当 also withholds a date or an amount, by what follows it (see kindAt)
            of(Kind.CONDITION, "一定程度上", "视情况而定", "适当", "酌情", "必要时"),
            of(Kind.HEDGE, "也许", "或许", "似乎", "好像"),
            of(Kind.DEGREE, "尽可能", "基本上", "尽量", "较为"),
            of(Kind.QUANTIFIER, "不少"));
    private static final Pattern ENGLISH = Pattern.compile(Words.bounded(
            ENGLISH_WORDS.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(w -> w.replace(" ", "\\s+").replace("-", "[-‑]"))
                    .collect(Collectors.joining("|"))
                    + "|about(?=\\s+[$€£¥]?\\d)|around(?=\\s+[$€£¥]?\\d)"
                    // a bare "soon" ("we will fix it soon"), not the conjunction "as soon as", "too soon" nor the
                    // idiom "not … any time soon" (adduser's README: no date is meant)
                    + "|(?<!\\bas\\s|\\bhow\\s|\\btoo\\s|\\bany\\s?time\\s)soon"
                    + "(?!\\s+(?:as|after|afterwards|enough)\\b)"),
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
     * A count or measure right after an approximation, in digits or number words: "approximately 1 business day",
     * "approximately six weeks", "大约 3 天", 大约三天, "about $20". Not a share, a fraction or a change ("approximately
     * 50%", "approximately one-third", "approximately in half", 大概一半): the estimate itself is what the reader cannot
     * check.
     */
    private static final Pattern FIGURE_AFTER = Pattern.compile("\\s*(?:[$€£¥]?\\d[\\d.,]*+(?!\\s*(?:%|％|percent|/\\d))"
            + "|(?:" + NumberWords.ENGLISH_REGEX + "|a\\s+(?:dozen|hundred|thousand|million|billion)|hundreds|thousands"
            + "|millions)\\b(?![\\s-]*(?:half|halves|thirds?|quarters?|percent|per\\s+cent)\\b)"
            + "|" + NumberWords.CHINESE_REGEX + "万?(?:个|天|周|年|小时|分钟|秒|人|次|台|元|万|倍))",
            Pattern.CASE_INSENSITIVE);
    /** 左右 follows its figure: 3天左右. */
    private static final String AFTER_A_FIGURE = "左右";
    /** An amount hedged by 可能 (可能比平时多) is an estimate by itself. */
    private static final String HEDGED_AMOUNT = "可能";
    /** A bare "soon" leaves a date out only where someone commits to it: "it soon became clear" narrates. */
    private static final String SOON = "soon";
    /** 在适当的时候, 适当时机: the time is left to someone, a date withheld like 适时. */
    private static final Pattern TIME_AFTER = Pattern.compile("的?时(?:候|机|间|刻)");
    /** 适当增加人手, 适当调整预算: a change of unstated size (by how much?). */
    private static final Pattern CHANGE_AFTER = Pattern.compile(
            "(?:增加|增大|加大|减少|减小|降低|提高|调整|延长|缩短|放宽|扩大|缩小|补充|控制)");
    /** Adjectives whose "to" relates to a thing ("sufficiently close to zero"), not to a consequence: no test follows. */
    private static final String RELATIONS = "(?:close|closer|near|nearer|similar|equal|equivalent|identical|comparable"
            + "|proportional|adjacent|related|relevant|prior|next)";
    /**
     * "sufficiently relieved to generate forward motion": the consequence that follows is the test, so the standard
     * can be checked. Not a preposition "to" ("sufficiently close to the edge"), nor "for a recipient of ordinary
     * skill to …", whose test is someone's judgement.
     */
    private static final Pattern TEST_AFTER = Pattern.compile(
            "\\s+(?<adjective>[\\p{L}‑-]+)\\s+to\\s+(?!(?:the|a|an|this|that|these|those|its|their|our"
                    + "|your|his|her|each|every|any|some|all|no)\\b)(?<next>[a-z]+)");
    private static final Pattern RELATION = Pattern.compile(RELATIONS);
    /**
     * "a model family sufficiently rich that, via another setting of the knobs, …": after "sufficiently" the consequence
     * in a that-clause is the test, as "so rich that" (Dive into Deep Learning; judged harmless by both judges). Not a
     * state of mind ("reasonably confident that", "sufficiently sure that"): that is a hedge.
     */
    private static final Pattern TEST_CLAUSE_AFTER = Pattern.compile(
            "\\s+(?!(?:sure|certain|confident|aware|convinced|clear)\\s)[\\p{L}‑-]+\\s+that[\\s,]");
    /** The standards whose test can follow as a consequence ("sufficiently X to Y"). */
    private static final Set<String> STANDARD_ADVERBS = Set.of("sufficiently", "adequately", "reasonably");
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

    /** How strong a finding of rule {@code rule} is: a missing date, test or condition above a hedge, then a quantifier. */
    static double weight(String rule) {
        return kind(rule.substring(rule.indexOf('/') + 1)).weight;
    }

    private void report(TextBlock block, String text, StartScan scan, List<Span> quoted, Genre genre, Findings out) {
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
    private boolean matters(String text, int start, int end, String key, List<Span> quoted, Genre genre) {
        Kind kind = kindAt(text, end, key);
        if (scope == VagueScope.OUTSIDE_DOCUMENTATION && !kind.withholds) {
            return false; // the broad ask: hedges, degree words, discretion and quantifiers wait until named
        }
        if (Quotations.inside(quoted, start, end) || partOfAName(text, start, end)
                || kind == Kind.QUANTIFIER && opensList(text, end)
                || key.equals("as_needed") && PURPOSE.matcher(text).region(end, text.length()).lookingAt()
                || key.equals("reasonably") && genre == Genre.LEGAL
                || STANDARD_ADVERBS.contains(key) && hasTestAfter(text, end)
                || key.equals("sufficiently") && TEST_CLAUSE_AFTER.matcher(text).region(end, text.length()).lookingAt()
                || (key.equals("尽量") || key.equals("尽可能"))
                        && ATTRIBUTE_AFTER.matcher(text).region(end, text.length()).lookingAt()
                || (key.equals("possibly") || key.equals("perhaps")) && SCOPE_BEFORE.matcher(
                        text.substring(Math.max(0, start - 12), start)).find()) {
            return false;
        }
        if (scope == VagueScope.OUTSIDE_DOCUMENTATION && kind == Kind.AMOUNT
                && (key.equals(AFTER_A_FIGURE) || FIGURE_AFTER.matcher(text).region(end, text.length()).lookingAt())
                && !Commitments.limitAround(text, start, end)) {
            // the broad ask: "within approximately 1 business day", "around 17 months", 3天左右 give their estimate; on
            // the eleventh and fifteenth unseen sets all 4 such were judged fine as written. A limit given approximately
            // ("the upload limit is approximately 25 MB") is still no limit anyone can keep to
            return false;
        }
        if (key.equals(HEDGED_AMOUNT)) {
            return true;
        }
        if (scope == VagueScope.OUTSIDE_DOCUMENTATION && genre != Genre.LEGAL) {
            // the broad ask, in a report, a proposal or a guide: only what the author promises, estimates or requires
            // ("we will review it in the near future"); of the 11 words this leaves out on the eleventh to thirteenth
            // unseen sets ("will be announced soon", "decoding as soon as possible" …) only 近期 was judged worth one
            return Commitments.firmAround(text, start, end);
        }
        if (kind == Kind.DEADLINE && !key.equals(SOON)) {
            return true;
        }
        // also an approximate figure: "roughly 10K records weighing about 1KB each", 3天左右 describe data honestly,
        // a figure is given; it hedges only an estimate or a promise ("we expect to cut load times approximately in
        // half", 预计缩短大概一半), which an editor wants made firm
        return Commitments.around(text, start, end, genre);
    }

    /**
     * The kind of the vague word {@code key} ending at {@code end}: 适当 withholds a date before 的时候 (在适当的时候)
     * and an amount before a change (适当增加人手); qualifying a thing (使用适当的语言) or beside 根据需要 it grants
     * discretion, a condition.
     */
    private static Kind kindAt(String text, int end, String key) {
        if (key.equals("适当")) {
            if (TIME_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
                return Kind.DEADLINE;
            }
            if (CHANGE_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
                return Kind.AMOUNT;
            }
        }
        return kind(key);
    }

    /**
     * Whether a consequence that tests the standard follows ({@link #TEST_AFTER}): "sufficiently close to trigger the
     * alarm" has one, "sufficiently close to zero" only relates the value to a thing: after an adjective of relation the
     * word after "to" must be a verb, not a number.
     */
    private static boolean hasTestAfter(String text, int end) {
        Matcher m = TEST_AFTER.matcher(text).region(end, text.length());
        if (!m.lookingAt()) {
            return false;
        }
        if (!RELATION.matcher(m.group("adjective")).matches()) {
            return true;
        }
        var readings = EnglishTagging.tagger().tag(List.of(m.group("next"))).get(0).getReadings();
        return readings.stream().anyMatch(r -> r.getPOSTag() != null && r.getPOSTag().startsWith("VB"))
                && readings.stream().noneMatch(r -> "CD".equals(r.getPOSTag()));
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

    /**
     * The kind of the vague word whose key is {@code key}: about/around before a number, 左右 and 可能 before an amount
     * withhold the figure; a bare "soon" the date.
     */
    private static Kind kind(String key) {
        Kind kind = KINDS.get(key);
        return kind != null ? kind : key.equals(SOON) ? Kind.DEADLINE : Kind.AMOUNT;
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
