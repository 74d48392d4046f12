package dev.docannotator.pipeline;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.document.DocumentFormat;
import java.nio.file.Path;

/**
 * A run's input document (never modified), its sniffed format, the requirement text, where the output goes, and
 * which analysers run.
 */
public record PipelineInput(Path document, DocumentFormat format, String requirement, Path output,
                            AnalyserChoice analyser) {
    public PipelineInput {
        analyser = analyser == null ? AnalyserChoice.RULES : analyser;
    }

    /** A run of the built-in checks only. */
    public PipelineInput(Path document, DocumentFormat format, String requirement, Path output) {
        this(document, format, requirement, output, AnalyserChoice.RULES);
    }
}
