package dev.docannotator.pipeline;

import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.RequirementNote;
import dev.docannotator.analysis.checks.GenreHoldBacks;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;
import dev.docannotator.document.UnreadContent;
import java.util.List;
import java.util.Locale;

/**
 * What ran, as the API reports it in the {@code result} event, the task JSON and the CLI's {@code --json}: every
 * check with its parameters, how the requirement was read (with notes in the reader's language), the analyser,
 * what the language model cost ({@code usage}, null when no model ran), and {@code llmFailure} when a "both" run
 * went on without the model (null otherwise).
 */
public record RunReport(List<CheckRun> checks, RequirementReport requirement, String analyser, LlmUsage usage,
                        ModelFailure llmFailure) {

    public RunReport(List<CheckRun> checks, RequirementReport requirement, String analyser) {
        this(checks, requirement, analyser, null, null);
    }

    public RunReport(List<CheckRun> checks, RequirementReport requirement, String analyser, LlmUsage usage) {
        this(checks, requirement, analyser, usage, null);
    }

    /**
     * Why the model's findings are missing from a completed "both" run: the failure's kind ({@code reason}, e.g.
     * {@code server_error}, {@code unauthorized}; the {@code failure.*} keys of {@code i18n/llm}) and a sentence in
     * the reader's language. Never carries the model's own answer or anything of the request.
     */
    public record ModelFailure(String reason, String message) {
    }

    /**
     * This report for a run with the model whose model part failed with {@code failureKind} (null: it did not):
     * the note that the findings are the built-in checks' only, and {@link #llmFailure()}, both in {@code locale}.
     */
    public RunReport withModel(String modelAnalyser, LlmUsage modelUsage, String failureKind, Locale locale) {
        if (failureKind == null || !"both".equals(modelAnalyser)) { // with the model alone, a failure fails the task
            return withModel(modelAnalyser, modelUsage, List.of());
        }
        String reason = new Messages("llm", locale).get("failure." + failureKind);
        RunReport noted = withModel(modelAnalyser, modelUsage,
                List.of(new Messages("pipeline", locale).get("llm.degraded", reason)));
        return new RunReport(noted.checks(), noted.requirement(), noted.analyser(), noted.usage(),
                new ModelFailure(failureKind, reason));
    }

    /** This report for a run with the model: its analyser ("llm", "both"), its usage, and notes to add. */
    public RunReport withModel(String modelAnalyser, LlmUsage modelUsage, List<String> extraNotes) {
        List<String> notes = new java.util.ArrayList<>(requirement.notes());
        notes.addAll(extraNotes);
        // With the model alone, none of the built-in checks ran.
        return new RunReport("llm".equals(modelAnalyser) ? List.of() : checks, new RequirementReport(requirement.understood(), requirement.notUnderstood(),
                requirement.fellBack(), notes), modelAnalyser, modelUsage);
    }

    /** How the requirement was read: {@code fell_back} is true when nothing was understood and the defaults ran. */
    public record RequirementReport(List<String> understood, List<String> notUnderstood, boolean fellBack,
                                    List<String> notes) {
        public RequirementReport {
            understood = List.copyOf(understood);
            notUnderstood = List.copyOf(notUnderstood);
            notes = List.copyOf(notes);
        }
    }

    public RunReport {
        checks = List.copyOf(checks);
    }

    /**
     * This report with one note per kind of content the document holds that was not read ("This document's headers
     * and footers were not read …"), in {@code language}, after the requirement's own notes.
     */
    public RunReport withUnread(List<UnreadContent> unread, Language language) {
        if (unread.isEmpty()) {
            return this;
        }
        Messages messages = new Messages("pipeline", language.locale());
        List<String> notes = new java.util.ArrayList<>(requirement.notes());
        for (UnreadContent kind : unread) {
            notes.add(messages.get(kind.noteKey()));
        }
        return new RunReport(checks, new RequirementReport(requirement.understood(), requirement.notUnderstood(),
                requirement.fellBack(), notes), analyser, usage, llmFailure);
    }

    /**
     * This report with one note saying what the broad ask did not report in a document of {@code genre}
     * ({@code held}: "This reads as a manual page: passive voice in English, English grammar and spelling and
     * undefined acronyms are not reported unless you ask for them by name."), in {@code language}; unchanged when
     * nothing was held back.
     */
    public RunReport withHeldBack(List<GenreHoldBacks.Kind> held, Genre genre, Language language) {
        if (held.isEmpty()) {
            return this;
        }
        Messages messages = new Messages("pipeline", language.locale());
        List<String> kinds = held.stream().map(k -> messages.get("held_back.kind." + k.key())).toList();
        String list = kinds.size() == 1 ? kinds.get(0)
                : String.join(messages.get("held_back.comma"), kinds.subList(0, kinds.size() - 1))
                        + messages.get("held_back.and") + kinds.get(kinds.size() - 1);
        List<String> notes = new java.util.ArrayList<>(requirement.notes());
        notes.add(messages.get(kinds.size() == 1 ? "held_back.one" : "held_back.many",
                messages.get("held_back.genre." + genre.name()), list));
        return new RunReport(checks, new RequirementReport(requirement.understood(), requirement.notUnderstood(),
                requirement.fellBack(), notes), analyser, usage, llmFailure);
    }

    /** The report of {@code requirement} run by the analyser called {@code analyser}, notes in {@code language}. */
    public static RunReport of(Requirement requirement, String analyser, Language language) {
        Messages messages = new Messages("requirement", language.locale());
        List<String> notes = requirement.notes().stream()
                .map((RequirementNote n) -> messages.get(n.key(), n.args().toArray())).toList();
        return new RunReport(requirement.checksRun(), new RequirementReport(requirement.understood(),
                requirement.notUnderstood(), requirement.defaulted(), notes), analyser);
    }
}
