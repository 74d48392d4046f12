package dev.docannotator.pipeline;

import dev.docannotator.document.RejectionText;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.common.Language;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.FormatSniffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The document engine: admits documents and starts pipeline runs over them. Thread-safe. */
public final class Engine {
    private final DocumentHandlers handlers;
    private final Analyser analyser;
    private final DocumentLimits limits;
    private final RunLimits runLimits;
    private final FormatSniffer sniffer = new FormatSniffer();

    public Engine(DocumentHandlers handlers, Analyser analyser, DocumentLimits limits) {
        this(handlers, analyser, limits, RunLimits.defaults());
    }

    private Engine(DocumentHandlers handlers, Analyser analyser, DocumentLimits limits, RunLimits runLimits) {
        this.handlers = handlers;
        this.analyser = analyser;
        this.limits = limits;
        this.runLimits = runLimits;
    }

    /** The same engine with other per-task safety limits. */
    public Engine withRunLimits(RunLimits newLimits) {
        return new Engine(handlers, analyser, limits, newLimits);
    }

    public RunLimits runLimits() {
        return runLimits;
    }

    public DocumentLimits limits() {
        return limits;
    }

    public Analyser analyser() {
        return analyser;
    }

    /**
     * Checks size, sniffs the format from the content and opens the document once, so that a bad file is
     * refused with a specific {@link DocumentRejectedException} before any task starts.
     */
    public DocumentFormat admit(Path file, String filenameHint) {
        try {
            long size = Files.size(file);
            if (size > limits.maxUploadBytes()) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                        RejectionText.of("too_large", size, limits.maxUploadBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentFormat format = sniffer.sniff(file, filenameHint);
        handlers.forFormat(format).validate(file);
        return format;
    }

    /** What a run of {@code requirementText} runs, with notes in {@code language} (cheap: it only parses). */
    public RunReport report(String requirementText, Language language) {
        Requirement requirement = analyser.parse(requirementText == null ? "" : requirementText).withLanguage(language);
        return RunReport.of(requirement, analyser.name(), language);
    }

    /** Starts a run, from the beginning when {@code from} is null. The caller closes it. */
    public PipelineRun start(PipelineInput input, Checkpoint from, Locale locale) {
        RunLimits effective = new RunLimits(Math.min(limits.maxTextChars(), runLimits.maxTextChars()),
                runLimits.maxFindings(), runLimits.maxResultBytes());
        return new PipelineRun(input, handlers.forFormat(input.format()), analyser, effective, from, locale);
    }
}
