package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Starts a task's pipeline run: in this process ({@link #inProcess}) or in a supervised worker process. */
public interface TaskRunner {

    /**
     * Starts a run of {@code taskId} from {@code from} (null = the beginning). {@code stopRequested} says when the
     * task no longer wants one (a runner that has to wait for a worker stops waiting then). The caller closes it.
     */
    TaskRun start(String taskId, PipelineInput input, Checkpoint from, Locale locale, BooleanSupplier stopRequested);

    /** Today's in-process runs of {@code engine}. */
    static TaskRunner inProcess(Engine engine) {
        return (taskId, input, from, locale, stopRequested) -> new InProcess(engine.start(input, from, locale));
    }

    /** A {@link PipelineRun} of this process as a {@link TaskRun}. */
    record InProcess(PipelineRun run) implements TaskRun {
        @Override
        public boolean hasNext() {
            return run.hasNext();
        }

        @Override
        public void next(Consumer<PipelineEvent> sink) {
            run.next(sink);
        }

        @Override
        public Stage stage() {
            return run.stage();
        }

        @Override
        public ExtractedText text() {
            return run.text();
        }

        @Override
        public List<Annotation> annotations() {
            return run.annotations();
        }

        @Override
        public Checkpoint checkpoint() {
            return run.checkpoint();
        }

        @Override
        public RunReport report() {
            return run.report();
        }

        @Override
        public void abort() {
            run.abort();
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
