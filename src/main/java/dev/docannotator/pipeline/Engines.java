package dev.docannotator.pipeline;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.llm.LlmAnalyser;
import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import dev.docannotator.document.text.TextHandler;
import java.util.List;

/**
 * Builds the production engine: every format handler and the embedded analyser, with the per-task limits and the
 * optional language model. The one place the server, the worker processes and the CLI build it, so that a task runs
 * the same engine wherever it runs.
 */
public final class Engines {
    private Engines() {
    }

    public static Engine createDefault(DocumentLimits limits) {
        DocumentHandlers handlers = new DocumentHandlers(List.of(
                new DocxHandler(limits),
                new PdfHandler(limits),
                TextHandler.plainText(limits),
                TextHandler.markdown(limits)));
        return new Engine(handlers, new DefaultAnalyser(), limits);
    }

    /**
     * The production engine with these document limits, per-task limits ({@code runLimits} null = the engine's own)
     * and language model ({@code llm} null = none), whose model calls are counted in {@code metrics}.
     */
    public static Engine create(DocumentLimits limits, RunLimits runLimits, LlmSettings llm, LlmMetrics metrics) {
        return configure(createDefault(limits), runLimits, llm, metrics);
    }

    /** {@code engine} with these per-task limits (null = its own) and language model (null = none). */
    public static Engine configure(Engine engine, RunLimits runLimits, LlmSettings llm, LlmMetrics metrics) {
        Engine limited = runLimits != null ? engine.withRunLimits(runLimits) : engine;
        return llm == null ? limited : limited.withLlm(new LlmAnalyser(llm, metrics));
    }
}
