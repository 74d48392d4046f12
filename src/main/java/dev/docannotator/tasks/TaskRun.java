package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a task worker drives one step at a time: a pipeline run in this process, or one in a supervised worker
 * process (see {@code dev.docannotator.workers}). Same contract as {@link dev.docannotator.pipeline.PipelineRun}.
 */
public interface TaskRun extends AutoCloseable {
    boolean hasNext();

    /** Does one bounded step, handing each event to {@code sink} as it happens. */
    void next(Consumer<PipelineEvent> sink);

    Stage stage();

    /** The text read so far (complete once the read stage is over). */
    ExtractedText text();

    List<Annotation> annotations();

    /** The state to continue from later; consistent between any two steps. */
    Checkpoint checkpoint();

    RunReport report();

    /** Cuts a running step short from another thread (pause, shutdown). */
    void abort();

    /** Releases what the run holds. Safe to call twice. */
    @Override
    void close();
}
