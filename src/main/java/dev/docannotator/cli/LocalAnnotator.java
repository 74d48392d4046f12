package dev.docannotator.cli;

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

    /**
     * Annotates {@code file}; {@code out} null means {@code <base>.annotated.<ext>} beside it. Returns null when
     * cancelled. Throws DocumentRejectedException for a refused document.
     */
    public AnnotateResult annotate(Path file, String requirement, Path out, AtomicBoolean cancelled, Locale locale) {
        DocumentFormat format = engine.admit(file, file.getFileName().toString());
        Path output = out != null ? out : OutputNames.besideInput(file, format);
        try (PipelineRun run = engine.start(new PipelineInput(file, format, requirement, output), null, locale)) {
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
        }
        throw new IllegalStateException("The pipeline ended without a result");
    }
}
