package dev.docannotator.testsupport;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.pipeline.PipelineEvent;
import java.util.List;

/** What tests read out of the events of a pipeline run. */
public final class PipelineEvents {
    private PipelineEvents() {
    }

    /** The findings of a run, in the order they were streamed. */
    public static List<Annotation> annotations(List<PipelineEvent> events) {
        return events.stream().filter(e -> e instanceof PipelineEvent.AnnotationFound)
                .map(e -> ((PipelineEvent.AnnotationFound) e).annotation()).toList();
    }
}
