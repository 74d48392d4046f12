package dev.docannotator.analysis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into consecutive windows of at most a given length, so that work on each window stays bounded.
 * A cut goes, in order of preference, after a sentence that ends with punctuation, at any other sentence boundary
 * (a line break), after whitespace, or anywhere (never inside a surrogate pair). Sentence boundaries are those of
 * {@link Sentences#split(String)} on the whole text, so a check that works sentence by sentence sees the same
 * sentences in the windows as in the whole. Deterministic: the same text always gives the same windows.
 */
public final class Chunks {
    private static final String SENTENCE_ENDS = "。！？!?.\"'”’)]}）」』》】";

    private Chunks() {
    }

    /** Windows covering {@code [0, text.length())} without gaps; one window when the text is short enough. */
    public static List<Span> split(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("A window must hold at least 2 characters");
        }
        int n = text.length();
        if (n <= maxChars) {
            return List.of(new Span(0, n));
        }
        List<Span> sentences = Sentences.split(text);
        int[] cuts = new int[sentences.size()];
        boolean[] punctuated = new boolean[sentences.size()];
        for (int i = 1; i < sentences.size(); i++) {
            // Cut where the next sentence starts, so the whitespace between stays with the sentence before it.
            cuts[i] = sentences.get(i).start();
            punctuated[i] = SENTENCE_ENDS.indexOf(text.charAt(sentences.get(i - 1).end() - 1)) >= 0;
        }
        List<Span> windows = new ArrayList<>();
        int start = 0;
        int next = 1; // first sentence boundary not yet behind start
        while (n - start > maxChars) {
            int limit = start + maxChars;
            while (next < cuts.length && cuts[next] <= start) {
                next++;
            }
            int lastAny = -1;
            int lastPunctuated = -1;
            int i = next;
            while (i < cuts.length && cuts[i] <= limit) {
                lastAny = cuts[i];
                if (punctuated[i]) {
                    lastPunctuated = cuts[i];
                }
                i++;
            }
            int cut;
            if (lastPunctuated > start + maxChars / 2 || lastPunctuated > 0 && lastAny == lastPunctuated) {
                cut = lastPunctuated;
            } else if (lastAny > 0) {
                cut = lastAny;
            } else {
                cut = afterWhitespace(text, start, limit);
            }
            windows.add(new Span(start, cut));
            start = cut;
        }
        windows.add(new Span(start, n));
        return List.copyOf(windows);
    }

    /** The last cut in {@code (start, limit]} that follows whitespace, else {@code limit} moved off a surrogate pair. */
    private static int afterWhitespace(String text, int start, int limit) {
        for (int cut = limit; cut > start + 1; cut--) {
            if (Character.isWhitespace(text.charAt(cut - 1)) && !Character.isWhitespace(text.charAt(cut))) {
                return cut;
            }
        }
        boolean splitsPair = Character.isHighSurrogate(text.charAt(limit - 1)) && Character.isLowSurrogate(text.charAt(limit));
        return splitsPair ? limit - 1 : limit;
    }
}
