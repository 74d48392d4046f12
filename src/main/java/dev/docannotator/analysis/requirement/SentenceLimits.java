package dev.docannotator.analysis.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sentence-length limit from a requirement: "longer than 25 words", "more than 30 words", "at most 20 words",
 * "a 25-word limit", "30+ words", 超过50字, 不超过40个字, 五十字以上. Words set the English limit, characters (字)
 * the Chinese one. The limit is the largest allowed length: "fewer than 20 words" allows 19.
 */
final class SentenceLimits {
    static final int MIN_WORDS = 5;
    static final int MAX_WORDS = 300;
    static final int MIN_CHARS = 10;
    static final int MAX_CHARS = 1000;

    private static final String NUMBER = "(\\d{1,4}|[零一二两三四五六七八九十百]{1,5})";
    private static final String EN_UNIT = "(words?|characters?|chars?)";
    private static final String ZH_UNIT = "(?:个)?\\s*(汉字|字符|字|单词|词)";
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![a-z])(?<below>fewer than|less than|shorter than|under|below)\\s+" + NUMBER + "\\s*" + EN_UNIT
                    + "(?![a-z])"
            + "|(?<![a-z])(?:(?:no|not) (?:longer|more) than|longer than|more than|over|above|exceed(?:s|ing)?|beyond"
                    + "|greater than|at most|max(?:imum)?(?: of)?|up to|limit(?:ed)?(?: of| to)?|within|>=?|≥)\\s*"
                    + NUMBER + "\\s*" + EN_UNIT + "(?![a-z])"
            + "|(?<![a-z\\d])" + NUMBER + "\\s*(?<plus>\\+|or more|or longer)\\s*" + EN_UNIT + "(?![a-z])"
            + "|(?<![a-z\\d])" + NUMBER + "\\s*" + EN_UNIT + "\\s*(?<plus2>or more|or longer)(?![a-z])"
            + "|(?<![a-z\\d])" + NUMBER + "[- ](words?|characters?|chars?)[- ](?:limit|max(?:imum)?|cap)(?![a-z])");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<below>少于|短于|低于|不足)\\s*" + NUMBER + "\\s*" + ZH_UNIT
            + "|(?:不得超过|不能超过|不要超过|不超过|不多于|超过|超出|多于|长于|大于|高于|最多|至多|上限为|上限是|上限"
                    + "|限制在|限制为|控制在|限于|限)\\s*" + NUMBER + "\\s*" + ZH_UNIT
            + "|" + NUMBER + "\\s*" + ZH_UNIT + "\\s*(?<plus>以上|及以上|或以上|或更多)"
            + "|" + NUMBER + "\\s*" + ZH_UNIT + "\\s*(?:以内|之内|为限)");

    /** One limit found at {@code [start, end)} of the requirement; {@code words} false means Chinese characters. */
    record Limit(int start, int end, int value, boolean words) {
        boolean inRange() {
            return words ? value >= MIN_WORDS && value <= MAX_WORDS : value >= MIN_CHARS && value <= MAX_CHARS;
        }
    }

    private SentenceLimits() {
    }

    /** Every limit in {@code text} (the lower-cased requirement), in order. */
    static List<Limit> find(String text) {
        List<Limit> found = new ArrayList<>();
        collect(ENGLISH.matcher(text), found);
        collect(CHINESE.matcher(text), found);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static void collect(Matcher m, List<Limit> into) {
        while (m.find()) {
            String number = null;
            String unit = null;
            for (int g = 1; g <= m.groupCount(); g++) {
                String value = m.group(g);
                if (value == null) {
                    continue;
                }
                if (number == null && value.matches("\\d{1,4}|[零一二两三四五六七八九十百]{1,5}")) {
                    number = value;
                } else if (number != null && unit == null && value.matches("[a-z\\u4e00-\\u9fff]+")
                        && !value.startsWith("or ")) {
                    unit = value;
                }
            }
            Integer value = number == null ? null : parseNumber(number);
            if (value == null || unit == null) {
                continue;
            }
            boolean below = group(m, "below") != null;
            boolean plus = group(m, "plus") != null || group(m, "plus2") != null;
            int limit = below || plus ? value - 1 : value; // "fewer than 20" and "20 or more" both allow 19
            boolean words = unit.startsWith("word") || unit.endsWith("词");
            into.add(new Limit(m.start(), m.end(), limit, words));
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /** Digits, or a Chinese numeral up to 999 (五十, 二十五, 一百二十). Null when it is not a number. */
    static Integer parseNumber(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        int total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
            } else {
                return null;
            }
        }
        return total + Math.max(0, digit);
    }
}
