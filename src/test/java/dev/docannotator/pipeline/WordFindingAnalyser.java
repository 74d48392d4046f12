package dev.docannotator.pipeline;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.testsupport.BlockAnalyser;
import java.util.List;
import java.util.Set;

/** A small deterministic analyser for pipeline tests: flags every occurrence of one word, block by block. */
final class WordFindingAnalyser {
    private WordFindingAnalyser() {
    }

    static BlockAnalyser of(String word) {
        return new BlockAnalyser(Set.of(Check.TERMS), List.of(word), (text, block, index) ->
                BlockAnalyser.occurrences(text, block, word, (start, end) -> new Annotation(null, start, end,
                        text.text().substring(start, end), null, null, "terms", "info", "Found the term.", null,
                        "terms/" + word)));
    }
}
