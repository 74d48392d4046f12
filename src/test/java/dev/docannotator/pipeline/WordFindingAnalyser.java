package dev.docannotator.pipeline;

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

/** A small deterministic analyser for pipeline tests: flags every occurrence of one word, block by block. */
final class WordFindingAnalyser implements Analyser {
    private final String word;

    WordFindingAnalyser(String word) {
        this.word = word;
    }

    @Override
    public Requirement parse(String requirementText) {
        return new Requirement(requirementText, Set.of(Check.TERMS), List.of(word), false);
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
                TextBlock block = text.blocks().get(index);
                String blockText = text.blockText(block).toLowerCase(Locale.ROOT);
                List<Annotation> found = new ArrayList<>();
                for (int at = blockText.indexOf(word); at >= 0; at = blockText.indexOf(word, at + 1)) {
                    int start = block.start() + at;
                    int end = start + word.length();
                    found.add(new Annotation(null, start, end, text.text().substring(start, end), null, null,
                            "terms", "info", "Found the term.", null, "terms/" + word));
                }
                return found;
            }

            @Override
            public void close() {
            }
        };
    }
}
