package dev.docannotator.document.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enumeration that runs inside a sentence ("means (i) the power …, or (ii) ownership …, or (iii) beneficial
 * ownership"): when one of its items sits in the middle of a line, an item that a hard wrap put at the start of a
 * line is where the wrap fell, not the start of a list item. A vertical list puts every item at a line start, so
 * its items are never found mid-line.
 */
final class InlineEnumeration {
    private static final Pattern ENUMERATOR = Pattern.compile("\\(([a-zA-Z]|[ivxIVX]{1,5}|\\d{1,3})\\)");
    private static final String[] ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
            "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};

    private InlineEnumeration() {
    }

    /**
     * Whether the enumerator at {@code at} (the start of a line) belongs to an enumeration whose previous item appears
     * mid-line in {@code [from, at)} or whose next item appears mid-line in {@code (at, to)}.
     */
    static boolean runsInline(String source, int from, int at, int to) {
        Matcher own = ENUMERATOR.matcher(source).region(at, to);
        if (!own.lookingAt()) {
            return false;
        }
        List<String> before = neighbours(own.group(1), -1);
        List<String> after = neighbours(own.group(1), 1);
        return occursMidLine(source, from, at, before) || occursMidLine(source, own.end(), to, after);
    }

    private static boolean occursMidLine(String source, int from, int to, List<String> labels) {
        if (labels.isEmpty()) {
            return false;
        }
        Matcher m = ENUMERATOR.matcher(source).region(from, to);
        while (m.find()) {
            if (labels.contains(m.group(1)) && !atLineStart(source, m.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean atLineStart(String source, int i) {
        int k = i - 1;
        while (k >= 0 && (source.charAt(k) == ' ' || source.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || source.charAt(k) == '\n';
    }

    /** The labels one step before ({@code -1}) or after ({@code 1}) a label, in the same case: (c)→(b), (ii)→(iii). */
    static List<String> neighbours(String label, int step) {
        List<String> out = new ArrayList<>();
        if (Character.isDigit(label.charAt(0))) {
            int n = Integer.parseInt(label) + step;
            if (n >= 0) {
                out.add(Integer.toString(n));
            }
            return out;
        }
        boolean upper = Character.isUpperCase(label.charAt(0));
        String lower = label.toLowerCase(Locale.ROOT);
        for (int k = 0; k < ROMAN.length; k++) {
            if (ROMAN[k].equals(lower) && k + step >= 0 && k + step < ROMAN.length) {
                out.add(upper ? ROMAN[k + step].toUpperCase(Locale.ROOT) : ROMAN[k + step]);
            }
        }
        if (label.length() == 1) {
            char c = (char) (label.charAt(0) + step);
            if (Character.isLetter(c) && Character.isUpperCase(c) == upper) {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }
}
