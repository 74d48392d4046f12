package dev.docannotator.pipeline;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import java.util.List;

/**
 * Everything needed to continue a run without redoing finished work: the stage, the next step in it,
 * the progress reached, the text read so far, the annotations found so far and how many are applied.
 * Serialisable with {@link dev.docannotator.common.Json}; resume, interrupted-task recovery and graceful
 * shutdown all go through it.
 */
public record Checkpoint(Stage stage, int position, int progress, ExtractedText text,
                         List<Annotation> annotations, int applied, List<Dropped> dropped) {

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

    /** A checkpoint of a run that dropped nothing. */
    public Checkpoint(Stage stage, int position, int progress, ExtractedText text, List<Annotation> annotations,
                      int applied) {
        this(stage, position, progress, text, annotations, applied, List.of());
    }

    /** The checkpoint of a run that has not started. */
    public static Checkpoint start() {
        return new Checkpoint(Stage.READ, 0, 0, ExtractedText.empty(), List.of(), 0);
    }
}
