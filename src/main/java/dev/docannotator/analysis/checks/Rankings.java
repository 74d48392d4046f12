package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Formulas;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.document.ExtractedText;
import java.util.regex.Pattern;

/** The limit and the measure of strength of each capped category, and the text of its summary. */
final class Rankings {
    /** "by" as a word, as {@code \\bby\\b} saw it in the rest of the sentence. */
    private static final Pattern BY = Pattern.compile("\\bby\\b");
    private static final Pattern MODAL = Pattern.compile("(?i)(?:shall|may|must|will|can)\\b");

    private Rankings() {
    }

    static Ranking of(Check check) {
        return switch (check) {
            // a sentence further over the limit is harder to read
            // counted as the check counts them (a formula is one word), so the rank agrees with the message
            case LONG_SENTENCE -> new Ranking(10, 5,
                    (a, t) -> Formulas.countWords(a.quote()) + Scripts.hanCount(a.quote()) / 2.0);
            // a manual describes what a program does, in the passive by custom ("is ignored", "are printed")
            case PASSIVE_VOICE -> new Ranking(10, 3, 3, Rankings::passive);
            case VAGUE_WORDS -> new Ranking(10, 5, (a, t) -> VagueWordsCheck.weight(a.rule()));
            // a definition that comes too late is surely worth fixing; a missing one may be common knowledge
            case UNDEFINED_ACRONYMS -> new Ranking(15, 15,
                    (a, t) -> a.rule().endsWith("used_before_definition") ? 2 : 1);
            // a spelling used once against one the document uses ten times is a slip; a 1:1 tie is a choice
            case INCONSISTENT_TERMS -> new Ranking(20, 20, new SettledSpelling()::score);
            default -> Ranking.inOrder(50);
        };
    }

    /**
     * Passives that hide who acts (no "by …" after them) and "got" passives first; several in one sentence make it
     * heavier still.
     */
    private static double passive(Annotation a, ExtractedText text) {
        String doc = text.text();
        int sentenceEnd = a.end();
        while (sentenceEnd < doc.length() && sentenceEnd - a.end() < 200 && ".!?。！？\n".indexOf(doc.charAt(sentenceEnd)) < 0) {
            sentenceEnd++;
        }
        double score = 1;
        if (!BY.matcher(doc).region(a.end(), sentenceEnd).find() && !containsBefore(doc, '由', a.end(), sentenceEnd)) {
            score += 1;
        }
        if (a.rule().endsWith("/got") || a.rule().endsWith("/zh")) {
            score += 0.5;
        }
        if (MODAL.matcher(a.quote()).lookingAt()) {
            score -= 0.5; // "shall be deemed": the convention of rules and contracts
        }
        return score;
    }

    private static boolean containsBefore(String doc, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (doc.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * How clearly the document settled on the spelling a finding suggests: its uses against the uses of the spelling
     * flagged, as a share (10 against 1 scores 0.91, a tie 0.5). Counted case-insensitively as whole words, once per
     * spelling, and only when a document has more findings than the limit.
     */
    private static final class SettledSpelling {
        private final java.util.Map<String, Integer> uses = new java.util.HashMap<>();
        private String lowerText;

        double score(Annotation a, ExtractedText text) {
            if (a.suggestion() == null) {
                return 0;
            }
            if (lowerText == null) {
                lowerText = text.text().toLowerCase(java.util.Locale.ROOT);
            }
            double kept = uses(a.suggestion());
            double flagged = Math.max(1, uses(a.quote()));
            return kept / (kept + flagged);
        }

        private int uses(String spelling) {
            return uses.computeIfAbsent(spelling.toLowerCase(java.util.Locale.ROOT), this::count);
        }

        private int count(String word) {
            int n = 0;
            for (int at = lowerText.indexOf(word); at >= 0; at = lowerText.indexOf(word, at + word.length())) {
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
                int end = at + word.length();
                boolean endsWord = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
                if (startsWord && endsWord || Scripts.isHan(word.charAt(0))) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * One annotation that says how many findings of its category are not annotated one by one, in the language of
     * {@code out}'s reader; {@code lowering}, when not null, is the genre whose conventions lowered the limit.
     */
    static Annotation summary(Annotation anchor, int more, int shown, Genre lowering, Findings out) {
        String key = "summary." + anchor.category();
        String message = out.message(key, more, shown);
        if (message.equals(key)) {
            message = out.message("summary.other", more, shown);
        }
        if (lowering != null) {
            // say why so few are marked: the genre's own style, not a quieter check
            message = message + " " + out.message("summary.genre." + lowering.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Annotation(null, anchor.start(), anchor.end(), anchor.quote(), anchor.page(), anchor.paragraph(),
                anchor.category(), "info", message, null, anchor.category() + "/summary");
    }
}
