package dev.docannotator.pipeline;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.document.ExtractedText;
import java.util.List;

/**
 * Everything needed to continue a run without redoing finished work: the stage, the next step in it,
 * the progress reached, the text read so far, the annotations found so far and how many are applied.
 * Serialisable with {@link dev.docannotator.common.Json}; resume, interrupted-task recovery and graceful
 * shutdown all go through it. {@code llmUsage} is what the model cost so far (null when none ran) and
 * {@code llmFailure} the kind of failure that made a "both" run go on without the model (null when none).
 */
public record Checkpoint(Stage stage, int position, int progress, ExtractedText text,
                         List<Annotation> annotations, int applied, List<Dropped> dropped, LlmUsage llmUsage,
                         String llmFailure) {

    /**
     * Findings of one category not stored because the task reached its findings limit: how many, and the first
     * (where the category's summary finding is placed).
     */
    public record Dropped(Annotation first, int count) {
    }

    public Checkpoint {
        text = text == null ? ExtractedText.empty() : text;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /** A checkpoint of a run that dropped nothing, without the model. */
    public Checkpoint(Stage stage, int position, int progress, ExtractedText text, List<Annotation> annotations,
                      int applied) {
        this(stage, position, progress, text, annotations, applied, List.of(), null, null);
    }

    /** A checkpoint of a run without the model. */
    public Checkpoint(Stage stage, int position, int progress, ExtractedText text, List<Annotation> annotations,
                      int applied, List<Dropped> dropped) {
        this(stage, position, progress, text, annotations, applied, dropped, null, null);
    }

    /** This checkpoint with another text (null: none). */
    public Checkpoint withText(ExtractedText newText) {
        return new Checkpoint(stage, position, progress, newText, annotations, applied, dropped, llmUsage, llmFailure);
    }

    /** What the task's report needs of this checkpoint (see {@link CheckpointSummary}). */
    public CheckpointSummary summary() {
        return new CheckpointSummary(text.unread(), llmUsage, llmFailure);
    }

    /** The checkpoint of a run that has not started. */
    public static Checkpoint start() {
        return new Checkpoint(Stage.READ, 0, 0, ExtractedText.empty(), List.of(), 0);
    }
}
