package dev.docannotator.pipeline;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one pipeline step hands out. */
public sealed interface PipelineEvent {

    /** Stage and progress (0–100, never decreasing) with human-readable texts in the task's language. */
    record Progress(Stage stage, int progress, String message, String detail) implements PipelineEvent {
    }

    /** A finding, numbered, sent as soon as it is found. */
    record AnnotationFound(Annotation annotation) implements PipelineEvent {
    }

    /**
     * The annotated document is written to {@code output}. {@code summary} is category → count; {@code analyser}
     * is what ran ("rules", "llm", "both"); {@code usage} is null when no model ran; {@code notes} are sentences a
     * person needs (e.g. that the model failed and only the rules' findings are there).
     */
    record Completed(int annotationCount, Map<String, Integer> summary, List<String> checksRun,
                     boolean defaultChecks, Path output, String analyser, LlmUsage usage, List<String> notes)
            implements PipelineEvent {
    }
}
