package dev.docannotator.pipeline;

import dev.docannotator.analysis.Annotation;
import java.nio.file.Path;
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
     * The annotated document is written to {@code output}. {@code summary} is category → count; {@code report}
     * says what ran.
     */
    record Completed(int annotationCount, Map<String, Integer> summary, RunReport report, Path output)
            implements PipelineEvent {
    }
}
