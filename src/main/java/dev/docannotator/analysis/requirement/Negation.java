package dev.docannotator.analysis.requirement;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether an ask is negated: "no passive", "except grammar", "don't flag vague words", "passive voice is
 * fine", 除了语法, 不要检查被动, 语法不用查. It reads the requirement with the check words already blanked out, so
 * the 别 of 错别字 and the 不 of 不一致 are never taken for negations, and {@link #blankPositives} first removes
 * phrases that only look negative: "don't forget", "make sure there are no", 别忘了, 不要漏掉, 不能有, 避免.
 */
final class Negation {
    private static final Pattern POSITIVE = Pattern.compile(
            "(?<![a-z])(?:(?:don't|dont|do not|never) (?:forget|miss|overlook|ignore|skip|neglect)(?: to)?"
                    + "|not only|whether or not|no matter|not just)(?![a-z])"
            + "|别忘了|别忘记|别忘|不要忘了|不要忘记|不要忘|不能忘|别漏了|别漏掉|不要漏了|不要漏掉|不要遗漏|别遗漏|不能遗漏"
            + "|不要忽略|别忽略|不能忽略|不可忽视|不要忽视|别落下|不能有|不应有|不应该有|不得有|不要有|不要出现|不能出现"
            + "|不应出现|不得出现|没有|不存在|有没有|避免|不允许|不许"
            // words that merely contain 别 ("especially", "other", "difference", "category"...)
            + "|特别|别的|别人|分别|区别|类别|级别|个别|识别|告别|性别");
    private static final List<String> ENGLISH = List.of(
            "no", "not", "don't", "dont", "without", "except", "excluding", "exclude", "skip", "skipping", "ignore",
            "ignoring", "never", "nor", "neither", "omit", "other than", "apart from", "leave out", "leaving out",
            "no need to", "instead of");
    /** Before "no", these make it a demand that none be left ("make sure there are no TODOs"), not a negation. */
    private static final List<String> ABSENCE = List.of(
            "are", "is", "be", "been", "has", "have", "had", "contains", "contain", "with", "there", "sure", "ensure",
            "remain", "remains", "left");
    private static final List<String> ENGLISH_AFTER = List.of(
            "is fine", "are fine", "is ok", "are ok", "is okay", "are okay", "doesn't matter", "don't matter",
            "not needed", "not necessary", "unnecessary", "can be ignored", "can be skipped", "is allowed",
            "are allowed", "not required", "not important");
    private static final List<String> CHINESE = List.of(
            "不要", "不用", "不需要", "无需", "除了", "除去", "忽略", "跳过", "排除", "不检查", "不查", "不必", "别",
            "去掉", "不包括", "不看", "不考虑");
    private static final List<String> CHINESE_AFTER = List.of(
            "不用", "不需要", "不必", "无需", "除外", "以外", "之外", "不要", "不查", "不检查", "可以忽略", "无所谓",
            "没关系", "就算了", "略过", "跳过");
    /** After 除了 / "apart from", these make it "besides" (除了长句，还要检查被动) rather than "except". */
    private static final Pattern INCLUSIVE = Pattern.compile("还|也|另外|(?<![a-z])(?:also|too|as well)(?![a-z])");
    private static final int WINDOW_WORDS = 4;

    private Negation() {
    }

    /** "everything but grammar": this "but" means "except", not a new ask. */
    private static final Pattern ALL_BUT = Pattern.compile(
            "(?<![a-z])(?:everything|all checks|all the checks|every check|all)\\s+(but)(?![a-z])");

    /** Blanks the phrases that look negative but ask for a check, and reads "all but" as "all not", in place. */
    static void blankPositives(Mask mask) {
        var m = POSITIVE.matcher(mask.toString());
        while (m.find()) {
            mask.blank(m.start(), m.end());
        }
        var allBut = ALL_BUT.matcher(mask.toString());
        while (allBut.find()) {
            mask.put(allBut.start(1), "not");
        }
    }

    /**
     * Whether the ask at {@code [at, end)} of {@code text} is negated within its clause {@code [clauseStart,
     * clauseEnd)}; {@code sentenceEnd} bounds the search for a "besides" reading.
     */
    static boolean negated(String text, int clauseStart, int clauseEnd, int sentenceEnd, int at, int end) {
        String before = text.substring(clauseStart, at);
        String after = text.substring(end, clauseEnd);
        String rest = text.substring(end, Math.max(end, sentenceEnd));
        if (chineseBefore(before)) {
            return !((before.contains("除了") || before.contains("除去")) && INCLUSIVE.matcher(rest).find());
        }
        if (englishBefore(before)) {
            return !((before.contains("apart from") || before.contains("other than"))
                    && INCLUSIVE.matcher(rest).find());
        }
        for (String word : CHINESE_AFTER) {
            if (after.contains(word)) {
                return true;
            }
        }
        String padded = " " + after.trim().replaceAll(" +", " ") + " ";
        for (String phrase : ENGLISH_AFTER) {
            if (padded.contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean chineseBefore(String before) {
        for (String word : CHINESE) {
            if (before.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean englishBefore(String before) {
        String[] words = before.trim().split(" +");
        int from = Math.max(0, words.length - WINDOW_WORDS);
        String window = " " + String.join(" ", Arrays.copyOfRange(words, from, words.length)) + " ";
        for (String phrase : ENGLISH) {
            if (phrase.contains(" ") && window.contains(" " + phrase + " ")) {
                return true;
            }
        }
        for (int i = from; i < words.length; i++) {
            if (ENGLISH.contains(words[i]) && !(words[i].equals("no") && i > 0 && ABSENCE.contains(words[i - 1]))) {
                return true;
            }
        }
        return false;
    }
}
