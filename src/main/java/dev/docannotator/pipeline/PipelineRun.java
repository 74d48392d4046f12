package dev.docannotator.pipeline;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.checks.GenreHoldBacks;
import dev.docannotator.analysis.llm.LlmAnalyser;
import dev.docannotator.analysis.llm.LlmFailure;
import dev.docannotator.analysis.llm.LlmSession;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.UnreadContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One run of read → analyse → apply, as a generator: every {@link #next()} does one bounded step
 * (a unit of the document, an analysis section, a batch of annotations) and returns its events.
 * The caller checks its cancel flag between steps and may take a {@link #checkpoint()} at any time.
 * Not thread-safe: one worker drives a run.
 */
public final class PipelineRun implements AutoCloseable {
    static final int APPLY_BATCH = 50;

    private final PipelineInput input;
    private final DocumentHandler handler;
    private final Analyser analyser;
    private final LlmAnalyser llm;
    private final Locale locale;
    private final Requirement requirement;
    private final Messages messages;
    private final RunLimits limits;
    /** Per category, findings beyond the limit: the first one and how many (in category order of first drop). */
    private final java.util.LinkedHashMap<String, Checkpoint.Dropped> dropped = new java.util.LinkedHashMap<>();

    private Stage stage;
    private int position;
    private int progress;
    private int lastProgressSent = -1;
    private TextBuilder textBuilder;
    private ExtractedText text;
    private final List<Annotation> annotations;
    private int applied;
    private LlmUsage llmUsage;
    private String llmFailure;
    /** The document's genre, once asked for: what the broad ask held back is said in the report's notes. */
    private volatile Genre genre;
    private volatile Boolean mainlyChinese;

    private ReadSession readSession;
    private int readUnits = -1;
    private volatile AnalysisPlan analysisSession;
    private volatile boolean aborted;
    private ApplySession applySession;

    PipelineRun(PipelineInput input, DocumentHandler handler, Analyser analyser, LlmAnalyser llm, RunLimits limits,
                Checkpoint from, Locale locale) {
        this.input = input;
        this.handler = handler;
        this.analyser = analyser;
        this.llm = llm;
        this.locale = locale;
        this.limits = limits;
        // The requirement carries the reader's language: findings and notes are written in it.
        this.requirement = analyser.parse(input.requirement() == null ? "" : input.requirement())
                .withLanguage(Language.of(locale));
        this.messages = new Messages("pipeline", locale);
        Checkpoint start = from == null ? Checkpoint.start() : from;
        this.stage = start.stage() == Stage.QUEUED ? Stage.READ : start.stage();
        this.position = start.position();
        this.progress = start.progress();
        this.annotations = new ArrayList<>(start.annotations());
        this.applied = start.applied();
        this.llmUsage = start.llmUsage();
        this.llmFailure = start.llmFailure();
        for (Checkpoint.Dropped d : start.dropped()) {
            dropped.put(d.first().category(), d);
        }
        if (stage == Stage.READ) {
            this.textBuilder = new TextBuilder(start.text());
        } else {
            this.text = start.text();
        }
    }

    public Requirement requirement() {
        return requirement;
    }

    public Stage stage() {
        return stage;
    }

    public int progress() {
        return progress;
    }

    public boolean hasNext() {
        return stage != Stage.DONE;
    }

    /** Does one bounded step and returns what it produced (possibly nothing). */
    public List<PipelineEvent> next() {
        List<PipelineEvent> events = new ArrayList<>();
        next(events::add);
        return events;
    }

    /**
     * Does one bounded step, handing each event to {@code sink} as soon as it happens: a model's findings stream
     * out during its window's step.
     */
    public void next(Consumer<PipelineEvent> sink) {
        List<PipelineEvent> events = new ArrayList<>();
        switch (stage) {
            case READ -> readStep(events);
            case ANALYSE -> analyseStep(events, sink);
            case APPLY -> applyStep(events);
            default -> throw new IllegalStateException("The run is finished");
        }
        events.forEach(sink);
    }

    /**
     * Cuts a running step short from another thread (pause, shutdown): an open request to the model is closed at
     * once and the step throws; the checkpoint stays at the last whole step. Steps without a model ignore it.
     */
    public void abort() {
        aborted = true;
        AnalysisPlan running = analysisSession;
        if (running != null) {
            running.abort();
        }
    }

    /** The state to continue from later; consistent between any two steps. */
    public Checkpoint checkpoint() {
        ExtractedText soFar = stage == Stage.READ ? textBuilder.build() : text;
        AnalysisPlan plan = analysisSession;
        return new Checkpoint(stage, position, progress, soFar, annotations, applied, List.copyOf(dropped.values()),
                plan != null ? plan.usage() : llmUsage, plan != null ? plan.failure() : llmFailure);
    }

    /** The text read so far (complete once the read stage is over). */
    public ExtractedText text() {
        return stage == Stage.READ ? textBuilder.build() : text;
    }

    public List<Annotation> annotations() {
        return List.copyOf(annotations);
    }

    private void readStep(List<PipelineEvent> events) {
        if (readSession == null) {
            readSession = handler.openForRead(input.document());
            readUnits = readSession.unitCount();
            // Known at once, and carried in every checkpoint's text, so that the result says it after a resume too.
            textBuilder.addUnread(readSession.unread());
            progress(events, Stage.READ, Stage.READ.progressAt(position, readUnits), true,
                    messages.get("read.message"), messages.get("read.detail", position, readUnits));
        }
        if (position < readUnits) {
            readSession.readUnit(position, textBuilder);
            position++;
            if (textBuilder.length() > limits.maxTextChars()) {
                throw DocumentRejectedException.unprocessable(messages.get("too_much_text", limits.maxTextChars()));
            }
            progress(events, Stage.READ, Stage.READ.progressAt(position, readUnits), false,
                    messages.get("read.message"), messages.get("read.detail", position, readUnits));
        }
        if (position >= readUnits) {
            closeQuietly(readSession);
            readSession = null;
            text = textBuilder.build();
            textBuilder = null;
            if (text.text().isBlank()) {
                throw DocumentRejectedException.unprocessable(
                        messages.get(input.format() == DocumentFormat.PDF ? "no_text.pdf" : "no_text"));
            }
            stage = Stage.ANALYSE;
            position = 0;
        }
    }

    private void analyseStep(List<PipelineEvent> events, Consumer<PipelineEvent> sink) {
        if (analysisSession == null) {
            analysisSession = startAnalysis();
            if (aborted) {
                analysisSession.abort(); // a pause that came while the session was being made
            }
            analyseProgress(events, true);
        }
        AnalysisPlan plan = analysisSession;
        int steps = plan.stepCount();
        if (position < steps) {
            if (plan.isModelStep(position)) {
                // Say which window is being asked before the (long) request, not after it.
                events.forEach(sink);
                events.clear();
                sink.accept(new PipelineEvent.Progress(Stage.ANALYSE, progress, messages.get("analyse.llm.message"),
                        messages.get("analyse.llm.detail", plan.modelWindow(position), plan.modelWindows(),
                                annotations.size())));
            }
            String failedBefore = plan.failure();
            plan.analyseStep(position, found -> {
                if (annotations.size() >= limits.maxFindings()) {
                    // The hard limit: keep counting, store nothing more (summaries follow at the end of analysis).
                    dropped.merge(found.category(), new Checkpoint.Dropped(found, 1),
                            (was, one) -> new Checkpoint.Dropped(was.first(), was.count() + 1));
                } else if (!isDuplicate(found)) {
                    Annotation numbered = locate(found).withId("a" + (annotations.size() + 1));
                    annotations.add(numbered);
                    sink.accept(new PipelineEvent.AnnotationFound(numbered));
                }
            });
            position++;
            llmUsage = plan.usage();
            llmFailure = plan.failure();
            if (failedBefore == null && llmFailure != null) {
                progress(events, Stage.ANALYSE, Stage.ANALYSE.progressAt(position, steps), true,
                        messages.get("analyse.message"), degradedNote());
            } else {
                analyseProgress(events, false);
            }
        }
        if (position >= steps) {
            closeQuietly(analysisSession);
            analysisSession = null;
            summariseDropped(events);
            stage = Stage.APPLY;
            position = 0;
        }
    }

    private void analyseProgress(List<PipelineEvent> events, boolean always) {
        int steps = analysisSession.stepCount();
        progress(events, Stage.ANALYSE, Stage.ANALYSE.progressAt(position, steps), always,
                messages.get("analyse.message"), messages.get("analyse.detail", position, steps, annotations.size()));
    }

    private AnalysisPlan startAnalysis() {
        AnalyserChoice choice = input.analyser();
        LlmSession model = null;
        if (choice.usesModel()) {
            if (llm == null) {
                throw LlmFailure.notConfigured();
            }
            model = llm.start(text, input.requirement(), locale);
        }
        AnalysisSession rules = choice.usesRules() ? analyser.start(text, requirement) : null;
        return new AnalysisPlan(rules, model, choice == AnalyserChoice.BOTH, llmUsage, llmFailure);
    }

    /**
     * A model's finding on (nearly) the span of one already found, by the rules or an overlapping window, is merged
     * into that one rather than listed twice: the spans overlap by at least 80 % of the longer.
     */
    private boolean isDuplicate(Annotation found) {
        if (!Annotation.LLM.equals(found.source())) {
            return false;
        }
        for (Annotation a : annotations) {
            int overlap = Math.min(a.end(), found.end()) - Math.max(a.start(), found.start());
            int longer = Math.max(a.end() - a.start(), found.end() - found.start());
            if (overlap > 0 && overlap * 5 >= longer * 4) {
                return true;
            }
        }
        return false;
    }

    private String degradedNote() {
        return messages.get("llm.degraded", new Messages("llm", locale).get("failure." + llmFailure));
    }

    /**
     * Beyond the findings limit: one summary finding per category, placed on its first finding not stored, and a
     * progress note that says the limit was reached.
     */
    private void summariseDropped(List<PipelineEvent> events) {
        if (dropped.isEmpty()) {
            return;
        }
        int total = 0;
        for (Checkpoint.Dropped d : dropped.values()) {
            Annotation first = locate(d.first());
            Annotation summary = new Annotation("a" + (annotations.size() + 1), first.start(), first.end(), first.quote(),
                    first.page(), first.paragraph(), first.category(), "info",
                    messages.get("limit.summary", d.count(), first.category(), limits.maxFindings()), null, "finding_limit");
            annotations.add(summary);
            events.add(new PipelineEvent.AnnotationFound(summary));
            total += d.count();
        }
        dropped.clear();
        events.add(new PipelineEvent.Progress(Stage.ANALYSE, progress, messages.get("limit.note", limits.maxFindings()),
                messages.get("limit.detail", total)));
    }

    private void applyStep(List<PipelineEvent> events) {
        int total = annotations.size();
        if (applySession == null) {
            applySession = handler.openForApply(input.document(), text, requirement.language());
            if (applied > 0) {
                // Placing comments in memory takes milliseconds; the expensive work (analysis) is never redone.
                applySession.apply(annotations.subList(0, applied));
            }
            progress(events, Stage.APPLY, applyProgress(applied, total), true,
                    messages.get("apply.message"), messages.get("apply.detail", applied, total));
        }
        if (applied < total) {
            int end = Math.min(total, applied + APPLY_BATCH);
            applySession.apply(annotations.subList(applied, end));
            applied = end;
            position = applied;
            progress(events, Stage.APPLY, applyProgress(applied, total), false,
                    messages.get("apply.message"), messages.get("apply.detail", applied, total));
            return;
        }
        writeOutput();
        closeQuietly(applySession);
        applySession = null;
        stage = Stage.DONE;
        progress(events, Stage.APPLY, 100, true, messages.get("done.message"), messages.get("done.detail", total));
        events.add(new PipelineEvent.Completed(total, summary(), report(), input.output()));
    }

    private void writeOutput() {
        Path output = input.output().toAbsolutePath();
        Path part = output.resolveSibling(output.getFileName() + ".part");
        try {
            Files.createDirectories(output.getParent());
            applySession.save(part);
            long size = Files.size(part);
            if (size > limits.maxResultBytes()) {
                throw DocumentRejectedException.unprocessable(messages.get("result_too_large",
                        (size + 1024 * 1024 - 1) / (1024 * 1024), limits.maxResultBytes() / (1024 * 1024)));
            }
            Files.move(part, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the annotated document to " + output, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // best effort: the part file is in the output's own directory
            }
        }
    }

    private LlmUsage usageOrNone() {
        return llmUsage == null ? LlmUsage.none() : llmUsage;
    }

    /** Apply uses 55–99; 100 is reached only when the output is written. */
    private static int applyProgress(int applied, int total) {
        return total == 0 ? 55 : 55 + 44 * applied / total;
    }

    private Annotation locate(Annotation found) {
        if (found.page() != null && found.paragraph() != null) {
            return found;
        }
        TextBlock block = text.blockAt(found.start());
        if (block == null) {
            return found;
        }
        return found.withLocation(found.page() != null ? found.page() : block.page(),
                found.paragraph() != null ? found.paragraph() : block.paragraph());
    }

    private void progress(List<PipelineEvent> events, Stage eventStage, int value, boolean always,
                          String message, String detail) {
        progress = Math.max(progress, value);
        if (always || progress != lastProgressSent) {
            lastProgressSent = progress;
            events.add(new PipelineEvent.Progress(eventStage, progress, message, detail));
        }
    }

    private Map<String, Integer> summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Annotation a : annotations) {
            counts.merge(a.category(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * What runs (or ran): the checks with their parameters, how the requirement was read, and the analyser; once the
     * document is open, notes on what it holds that was not read.
     */
    public RunReport report() {
        List<UnreadContent> unread = stage == Stage.READ ? textBuilder.unread() : text.unread();
        RunReport rules = RunReport.of(requirement, analyser.name(), requirement.language())
                .withUnread(unread, requirement.language());
        if (stage != Stage.READ && input.analyser().usesRules()) {
            rules = rules.withHeldBack(GenreHoldBacks.of(requirement, genre(), mainlyChinese()), genre(),
                    requirement.language());
        }
        if (!input.analyser().usesModel()) {
            return rules;
        }
        return rules.withModel(input.analyser().id(), usageOrNone(), llmFailure, locale);
    }

    /** The document's genre, judged once the text is read (what the checks judged it; a scan of the whole text). */
    private Genre genre() {
        Genre known = genre;
        if (known == null) {
            known = Genre.of(text.text());
            genre = known;
        }
        return known;
    }

    /** Whether the document is mainly Chinese, judged once the text is read (its English checks then have little to read). */
    private boolean mainlyChinese() {
        Boolean known = mainlyChinese;
        if (known == null) {
            known = Scripts.mainlyChinese(text.text());
            mainlyChinese = known;
        }
        return known;
    }

    /** Releases the open document, analysis state and temporary files. Safe to call at any time, twice. */
    @Override
    public void close() {
        closeQuietly(readSession);
        closeQuietly(analysisSession);
        closeQuietly(applySession);
        readSession = null;
        analysisSession = null;
        applySession = null;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing must never mask the run's own outcome
        }
    }
}
