package dev.docannotator.analysis;

import dev.docannotator.document.ExtractedText;
import java.util.List;
import java.util.Set;

/** PLACEHOLDER until the analysis package lands. */
public final class DefaultAnalyser implements Analyser {
    @Override
    public Requirement parse(String requirementText) {
        return new Requirement(requirementText, Set.of(Check.TODO_MARKERS), List.of(), true);
    }

    @Override
    public AnalysisSession start(ExtractedText text, Requirement requirement) {
        throw new UnsupportedOperationException("analysis is not implemented yet");
    }
}
