package dev.docannotator.testsupport;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic analyser for tests: one analysis step per text block, whose findings a {@link Finder} computes.
 * Every requirement parses to the given checks and terms.
 */
public final class BlockAnalyser implements Analyser {

    /** The findings of one block (the step with the block's index). */
    @FunctionalInterface
    public interface Finder {
        List<Annotation> find(ExtractedText text, TextBlock block, int index);
    }

    /** Makes the annotation of one occurrence at {@code [start, end)} of the whole text. */
    @FunctionalInterface
    public interface Marker {
        Annotation mark(int start, int end);
    }

    private final Set<Check> checks;
    private final List<String> terms;
    private final Finder finder;

    public BlockAnalyser(Set<Check> checks, List<String> terms, Finder finder) {
        this.checks = checks;
        this.terms = terms;
        this.finder = finder;
    }

    /** Each case-insensitive occurrence of {@code word} in {@code block}, marked by {@code marker}. */
    public static List<Annotation> occurrences(ExtractedText text, TextBlock block, String word, Marker marker) {
        String lower = text.blockText(block).toLowerCase(Locale.ROOT);
        String needle = word.toLowerCase(Locale.ROOT);
        List<Annotation> found = new ArrayList<>();
        for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
            int start = block.start() + at;
            found.add(marker.mark(start, start + needle.length()));
        }
        return found;
    }

    @Override
    public Requirement parse(String requirementText) {
        return new Requirement(requirementText, checks, terms, false);
    }

    @Override
    public AnalysisSession start(ExtractedText text, Requirement requirement) {
        return new AnalysisSession() {
            @Override
            public int stepCount() {
                return text.blocks().size();
            }

            @Override
            public List<Annotation> analyseStep(int index) {
                return finder.find(text, text.blocks().get(index), index);
            }

            @Override
            public void close() {
            }
        };
    }
}
