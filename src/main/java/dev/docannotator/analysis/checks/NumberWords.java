package dev.docannotator.analysis.checks;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Reads numbers written as words: English up to ninety-nine (and "hundred"), Chinese up to 九千九百九十九. */
final class NumberWords {
    private static final Map<String, Integer> ENGLISH = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100));
    static final String ENGLISH_REGEX = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            + "|sixteen|seventeen|eighteen|nineteen|hundred";
    static final String CHINESE_REGEX = "[零一二三四五六七八九十两百千]+";
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    private NumberWords() {
    }

    static OptionalLong english(String words) {
        long total = 0;
        for (String part : words.toLowerCase(Locale.ROOT).split("[- ]")) {
            Integer v = ENGLISH.get(part);
            if (v == null) {
                return OptionalLong.empty();
            }
            total += v;
        }
        return OptionalLong.of(total);
    }

    static OptionalLong chinese(String numeral) {
        long total = 0;
        long digit = -1;
        for (char c : numeral.toCharArray()) {
            int d = c == '两' ? 2 : CHINESE_DIGITS.indexOf(c);
            if (d >= 0) {
                if (digit > 0) {
                    return OptionalLong.empty(); // two digits in a row ("二三") is not a numeral
                }
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return OptionalLong.empty();
            }
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0) {
            total += digit;
        }
        return OptionalLong.of(total);
    }
}
