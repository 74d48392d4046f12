package dev.docannotator.analysis.requirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls quoted terms out of a requirement: "…", “…”, 「…」, 『…』, and single quotes '…' / ‘…’ when they cannot be
 * apostrophes (the opening quote does not follow a letter, the closing one is not followed by one).
 */
final class QuotedTerms {
    static final int MAX_TERMS = 50;
    static final int MAX_TERM_LENGTH = 200;

    private static final Pattern QUOTED = Pattern.compile(
            "\"([^\"\\n]+)\"|“([^”\\n]+)”|「([^」\\n]+)」|『([^』\\n]+)』"
                    + "|(?<![\\p{L}\\p{N}])'([^'\\n]+)'(?![\\p{L}\\p{N}])"
                    + "|(?<![\\p{L}\\p{N}])‘([^’\\n]+)’(?![\\p{L}\\p{N}])");

    /**
     * The terms, the requirement with every quoted stretch blanked out so that its words select no check, and where
     * the quoted stretches were (start, end pairs).
     */
    record Extracted(List<String> terms, String rest, List<int[]> spans) {
        boolean quoteIn(int start, int end) {
            return spans.stream().anyMatch(s -> s[0] < end && s[1] > start);
        }
    }

    private QuotedTerms() {
    }

    static Extracted extract(String requirement) {
        Map<String, String> unique = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(requirement);
        List<int[]> spans = new ArrayList<>();
        Matcher m = QUOTED.matcher(requirement);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            String term = null;
            for (int g = 1; g <= m.groupCount() && term == null; g++) {
                term = m.group(g);
            }
            for (int i = m.start(); i < m.end(); i++) {
                rest.setCharAt(i, ' ');
            }
            String trimmed = term == null ? "" : term.strip();
            if (!trimmed.isEmpty() && trimmed.length() <= MAX_TERM_LENGTH && unique.size() < MAX_TERMS) {
                unique.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
            }
        }
        return new Extracted(new ArrayList<>(unique.values()), rest.toString(), List.copyOf(spans));
    }
}
