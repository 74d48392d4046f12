package dev.docannotator.analysis.llm;

import java.util.Optional;

/**
 * Finds where a model's quote is in the document, within the window it was asked about: exactly; then ignoring
 * differences of whitespace, case, quote marks and dashes; then the closest substring whose edit distance is at most
 * {@code 1 - threshold} of the quote's length (approximate matching, Sellers 1980). Nothing else: a quote that does
 * not anchor is dropped, never placed on text it does not describe.
 */
final class QuoteAnchor {
    /** How a quote was anchored. */
    enum Method { EXACT, NORMALISED, FUZZY }

    /** Where a quote is: {@code [start, end)} in the whole text. */
    record Match(int start, int end, Method method) {
    }

    /** Shorter quotes must match exactly or normalised: a few characters fuzzily match almost anywhere. */
    static final int MIN_FUZZY_LENGTH = 12;
    static final int MAX_FUZZY_LENGTH = 1_000;
    static final double DEFAULT_THRESHOLD = 0.85;

    private final double threshold;

    QuoteAnchor() {
        this(DEFAULT_THRESHOLD);
    }

    QuoteAnchor(double threshold) {
        this.threshold = threshold;
    }

    Optional<Match> anchor(String text, int windowStart, int windowEnd, String rawQuote) {
        if (rawQuote == null) {
            return Optional.empty();
        }
        String quote = rawQuote.strip();
        if (quote.isEmpty()) {
            return Optional.empty();
        }
        String window = text.substring(windowStart, windowEnd);
        int exact = window.indexOf(quote);
        if (exact >= 0) {
            return Optional.of(new Match(windowStart + exact, windowStart + exact + quote.length(), Method.EXACT));
        }
        Normalised w = Normalised.of(window);
        Normalised q = Normalised.of(quote);
        if (q.text.isEmpty()) {
            return Optional.empty();
        }
        int at = w.text.indexOf(q.text);
        if (at >= 0) {
            return Optional.of(trimmed(text, windowStart + w.origin[at],
                    windowStart + w.origin[at + q.text.length() - 1] + 1, Method.NORMALISED));
        }
        if (q.text.length() < MIN_FUZZY_LENGTH || q.text.length() > MAX_FUZZY_LENGTH) {
            return Optional.empty();
        }
        return fuzzy(w.text, q.text).map(span -> trimmed(text, windowStart + w.origin[span[0]],
                windowStart + w.origin[span[1] - 1] + 1, Method.FUZZY));
    }

    /** {@code [start, end)} in {@code t} of the substring closest to {@code p}, when close enough. */
    private Optional<int[]> fuzzy(String t, String p) {
        int m = p.length();
        int allowed = (int) Math.floor(m * (1 - threshold));
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
        }
        int best = Integer.MAX_VALUE;
        int bestEnd = -1;
        for (int j = 1; j <= t.length(); j++) {
            cur[0] = 0;
            char tc = t.charAt(j - 1);
            for (int i = 1; i <= m; i++) {
                int sub = prev[i - 1] + (p.charAt(i - 1) == tc ? 0 : 1);
                cur[i] = Math.min(sub, Math.min(prev[i] + 1, cur[i - 1] + 1));
            }
            if (cur[m] < best) {
                best = cur[m];
                bestEnd = j;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        if (bestEnd < 0 || best > allowed) {
            return Optional.empty();
        }
        int bestStart = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int s = Math.max(0, bestEnd - m - best); s <= Math.min(bestEnd - 1, bestEnd - m + best); s++) {
            int d = levenshtein(p, t.substring(s, bestEnd));
            if (d < bestDistance || (d == bestDistance && Math.abs(bestEnd - s - m) < Math.abs(bestEnd - bestStart - m))) {
                bestDistance = d;
                bestStart = s;
            }
        }
        return bestStart < 0 ? Optional.empty() : Optional.of(new int[] {bestStart, bestEnd});
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static Match trimmed(String text, int start, int end, Method method) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Match(start, end, method);
    }

    /** Text with whitespace runs as one space, lower case, one kind of quote mark and dash; origin maps back. */
    private record Normalised(String text, int[] origin) {
        static Normalised of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int[] origin = new int[s.length()];
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000') {
                    if (!space && out.length() > 0) {
                        origin[out.length()] = i;
                        out.append(' ');
                    }
                    space = true;
                    continue;
                }
                space = false;
                origin[out.length()] = i;
                out.append(fold(c));
            }
            int length = out.length();
            if (length > 0 && out.charAt(length - 1) == ' ') {
                out.setLength(length - 1);
            }
            return new Normalised(out.toString(), origin);
        }

        private static char fold(char c) {
            return switch (c) {
                case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\uff02', '\u300c', '\u300d' -> '"';
                case '\u2018', '\u2019', '\u201a', '\u201b', '`', '\u00b4', '\uff07' -> '\'';
                case '\u2013', '\u2014', '\u2212', '\u2010', '\u2011' -> '-';
                default -> Character.toLowerCase(c);
            };
        }
    }
}
