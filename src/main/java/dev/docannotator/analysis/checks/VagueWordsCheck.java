package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flags vague and hedging words in English (whole words, any case) and Chinese. Words that are only vague in
 * one use are matched in that use: "about" before a number, 左右 after one, 可能 but not 不可能.
 */
public final class VagueWordsCheck implements BlockCheck {
    private static final List<String> ENGLISH_WORDS = List.of(
            "some", "approximately", "possibly", "various", "several", "maybe", "perhaps", "fairly", "quite",
            "roughly", "probably", "somewhat", "relatively", "reasonably", "arguably", "presumably", "a number of",
            "a few", "a lot of", "lots of", "more or less", "and so on", "and so forth", "to some extent",
            "in some cases", "as appropriate", "as needed", "if possible", "as soon as possible", "user-friendly",
            "sufficiently", "adequately");
    private static final Pattern ENGLISH = Pattern.compile(Words.bounded(
            ENGLISH_WORDS.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(w -> w.replace(" ", "\\s+").replace("-", "[-‑]"))
                    .collect(Collectors.joining("|"))
                    + "|about(?=\\s+[$€£¥]?\\d)|around(?=\\s+[$€£¥]?\\d)") + "|" + Words.bounded("etc") + "\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> CHINESE_WORDS = List.of(
            "一定程度上", "尽可能", "差不多", "基本上", "可能", "大概", "若干", "也许", "一些", "等等", "适当", "大约",
            "尽量", "较为", "某些", "大致", "或许", "适量", "似乎", "好像", "不少");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!不)(?:" + String.join("|", CHINESE_WORDS) + ")|(?<=[0-9零一二三四五六七八九十百千万两][个天人次年月周元%％]?)左右");

    @Override
    public Check check() {
        return Check.VAGUE_WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        report(block, text, ENGLISH.matcher(text), out);
        report(block, text, CHINESE.matcher(text), out);
    }

    private static void report(TextBlock block, String text, Matcher m, Findings out) {
        while (m.find()) {
            String word = m.group();
            String key = word.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[\\s‑-]+", "_");
            out.add(block, m.start(), m.end(), Check.VAGUE_WORDS, Severity.INFO,
                    out.message("vague_words.message", word), null,
                    "vague_words/" + key);
        }
    }
}
