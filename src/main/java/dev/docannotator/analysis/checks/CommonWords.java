package dev.docannotator.analysis.checks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words a document uses in many of its sentences. A constitution says "project", "leader" and "vote" in most of
 * its sentences, so two of its sentences that share such a word are no more about one thing than any two of them.
 */
final class CommonWords {
    /** A word in more than one sentence in {@value} is the document's own vocabulary, not a sign of one topic. */
    private static final int SHARE = 20;
    /**
     * ... and in more than this many sentences: in a short text the subject of a proposal ("the migration", in 3 of its
     * 32 sentences) is still what ties two of its sentences together.
     */
    private static final int FEWEST = 3;

    private final Map<String, Integer> sentencesWith;
    private final int limit;

    private CommonWords(Map<String, Integer> sentencesWith, int limit) {
        this.sentencesWith = sentencesWith;
        this.limit = limit;
    }

    /** Counts the words of {@code sentences}, each one the set of words of one sentence. */
    static CommonWords of(Collection<Set<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (Set<String> words : sentences) {
            for (String w : words) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return new CommonWords(counts, Math.max(FEWEST, sentences.size() / SHARE));
    }

    boolean contains(String word) {
        return sentencesWith.getOrDefault(word, 0) > limit;
    }
}
