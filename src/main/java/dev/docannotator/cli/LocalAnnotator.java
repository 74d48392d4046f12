package dev.docannotator.cli;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.analysis.llm.LlmCancelledException;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.pipeline.PipelineEvent;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** Runs the engine in this process on one file, stepping the pipeline and checking for Ctrl+C between steps. */
public final class LocalAnnotator {
    private final Engine engine;
    private final ProgressPrinter progress;

    public LocalAnnotator(Engine engine, ProgressPrinter progress) {
        this.engine = engine;
        this.progress = progress;
    }

    public static LocalAnnotator withDefaults(ProgressPrinter progress) {
        return new LocalAnnotator(Engines.createDefault(DocumentLimits.defaults()), progress);
    }

    /** The default engine with the language model, when one is configured. */
    public static LocalAnnotator withModel(ProgressPrinter progress, LlmSettings model) {
        return new LocalAnnotator(Engines.create(DocumentLimits.defaults(), null, model, LlmMetrics.unregistered()),
                progress);
    }

    /**
     * Annotates {@code file}; {@code out} null means {@code <base>.annotated.<ext>} beside it. Returns null when
     * cancelled. Throws DocumentRejectedException for a refused document.
     */
    public AnnotateResult annotate(Path file, String requirement, Path out, AtomicBoolean cancelled, Locale locale) {
        return annotate(file, requirement, out, cancelled, locale, AnalyserChoice.defaultFor(engine.llm().isPresent()));
    }

    /** {@link #annotate} with the analysers to run; "llm" and "both" need an engine with a model. */
    public AnnotateResult annotate(Path file, String requirement, Path out, AtomicBoolean cancelled, Locale locale,
                                   AnalyserChoice analyser) {
        DocumentFormat format = engine.admit(file, file.getFileName().toString());
        Path output = out != null ? out : OutputNames.besideInput(file, format);
        AtomicBoolean over = new AtomicBoolean();
        try (PipelineRun run = engine.start(new PipelineInput(file, format, requirement, output, analyser), null, locale)) {
            // Ctrl+C during a window closes the request to the model instead of waiting for its answer.
            Thread watcher = new Thread(() -> {
                while (!over.get() && !cancelled.get()) {
                    LockSupport.parkNanos(20_000_000L);
                }
                if (cancelled.get()) {
                    run.abort();
                }
            }, "annotate-abort");
            watcher.setDaemon(true);
            watcher.start();
            while (run.hasNext()) {
                if (cancelled.get()) {
                    progress.finish();
                    return null;
                }
                for (PipelineEvent event : run.next()) {
                    if (event instanceof PipelineEvent.Progress p) {
                        progress.progress(p.stage().id(), p.progress(), p.message(), p.detail());
                    } else if (event instanceof PipelineEvent.Completed c) {
                        progress.finish();
                        return new AnnotateResult("completed", c.annotationCount(), c.output().toString(), run.annotations(),
                                c.report());
                    }
                }
            }
        } catch (LlmCancelledException e) {
            progress.finish();
            return null; // Ctrl+C cut a window short
        } finally {
            over.set(true);
        }
        throw new IllegalStateException("The pipeline ended without a result");
    }
}
