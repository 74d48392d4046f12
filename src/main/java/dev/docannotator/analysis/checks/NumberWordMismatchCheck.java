package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags a number written in words whose figure in brackets says something else: "three (4)", "4 (three)", 三（4）. */
public final class NumberWordMismatchCheck implements BlockCheck {
    private static final String MEASURE = "(?:个|项|名|位|条|天|次|种|步|人|年|月|周|小时)?";
    private static final Pattern WORD_THEN_DIGITS = Pattern.compile(
            Words.bounded("(" + NumberWords.ENGLISH_REGEX + ")\\s*\\(\\s*(\\d{1,4})\\s*\\)"), Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS_THEN_WORD = Pattern.compile(
            Words.bounded("(\\d{1,4})\\s*\\(\\s*(" + NumberWords.ENGLISH_REGEX + ")\\s*\\)"), Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE = Pattern.compile(
            "(" + NumberWords.CHINESE_REGEX + ")" + MEASURE + "\\s*[（(]\\s*(\\d{1,4})\\s*" + MEASURE + "\\s*[)）]");

    @Override
    public Check check() {
        return Check.NUMBER_MISMATCH;
    }

    @Override
    public Set<BlockKind> reads() {
        return Kinds.WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        if (text.indexOf('(') < 0 && text.indexOf('（') < 0) {
            return; // every pattern needs a bracket: most paragraphs are skipped without three regex scans
        }
        Matcher m = WORD_THEN_DIGITS.matcher(text);
        while (m.find()) {
            compare(block, m, NumberWords.english(m.group(1)), Long.parseLong(m.group(2)), out);
        }
        m = DIGITS_THEN_WORD.matcher(text);
        while (m.find()) {
            compare(block, m, NumberWords.english(m.group(2)), Long.parseLong(m.group(1)), out);
        }
        m = CHINESE.matcher(text);
        while (m.find()) {
            compare(block, m, NumberWords.chinese(m.group(1)), Long.parseLong(m.group(2)), out);
        }
    }

    private static void compare(TextBlock block, Matcher m, OptionalLong inWords, long inDigits, Findings out) {
        if (inWords.isPresent() && inWords.getAsLong() != inDigits) {
            out.add(block, m.start(), m.end(), Check.NUMBER_MISMATCH, Severity.ERROR,
                    out.message("number_mismatch.words_vs_digits", inWords.getAsLong(), inDigits),
                    null, "number_mismatch/words_vs_digits");
        }
    }
}
