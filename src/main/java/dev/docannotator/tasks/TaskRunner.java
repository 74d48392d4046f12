package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where documents are touched: admits uploads and starts a task's pipeline runs, in this process ({@link #inProcess})
 * or in supervised worker processes.
 */
public interface TaskRunner {

    /**
     * Admits an upload before any task runs over it: size, the format sniffed from the content, a trial open. Throws
     * {@link dev.docannotator.document.DocumentRejectedException} for a document that will not be processed (its
     * message said in the request's language when it is answered), or {@link TaskException} when it cannot be
     * checked now; {@code locale} words the latter.
     */
    DocumentFormat admit(Path upload, String filenameHint, Locale locale);

    /**
     * Starts a run of {@code taskId} from {@code from} (null = the beginning). {@code stopRequested} says when the
     * task no longer wants one (a runner that has to wait for a worker stops waiting then). The caller closes it.
     */
    TaskRun start(String taskId, PipelineInput input, Checkpoint from, Locale locale, BooleanSupplier stopRequested);

    /** Today's in-process admissions and runs of {@code engine} ({@code --isolation none}, the local CLI). */
    static TaskRunner inProcess(Engine engine) {
        return new TaskRunner() {
            @Override
            public DocumentFormat admit(Path upload, String filenameHint, Locale locale) {
                return engine.admit(upload, filenameHint);
            }

            @Override
            public TaskRun start(String taskId, PipelineInput input, Checkpoint from, Locale locale,
                                 BooleanSupplier stopRequested) {
                return new InProcess(engine.start(input, from, locale));
            }
        };
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
