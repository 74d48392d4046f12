package dev.docannotator.analysis;

import dev.docannotator.common.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the user asked for, parsed: the checks to run and their {@link CheckSettings}, the quoted terms to find,
 * whether the default set was used because the text selected nothing ({@code defaulted}, the API's
 * {@code fell_back}), which parts of the text were understood and which not, notes for the user, and the
 * language the user reads (findings and notes follow it).
 */
public record Requirement(String text, Set<Check> checks, List<String> terms, boolean defaulted,
                          CheckSettings settings, List<String> understood, List<String> notUnderstood,
                          List<RequirementNote> notes, Language language) {
    public Requirement {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(language, "language");
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
        terms = List.copyOf(terms);
        understood = List.copyOf(understood);
        notUnderstood = List.copyOf(notUnderstood);
        notes = List.copyOf(notes);
    }

    /**
     * A requirement given directly as checks and terms (tests, other analysers): default settings, English; the checks
     * count as asked for by name, so passive voice among them reports every passive, vague words and acronyms are
     * looked for in technical documentation too and grammar reports every slip in every genre.
     */
    public Requirement(String text, Set<Check> checks, List<String> terms, boolean defaulted) {
        this(text, checks, terms, defaulted, CheckSettings.defaults()
                        .withPassives(checks.contains(Check.PASSIVE_VOICE) && !defaulted
                                ? PassiveScope.ALL : PassiveScope.HIDDEN_ACTOR)
                        .withVagueWords(checks.contains(Check.VAGUE_WORDS) && !defaulted
                                ? VagueScope.ALL_DOCUMENTS : VagueScope.OUTSIDE_DOCUMENTATION)
                        .withGrammar(checks.contains(Check.GRAMMAR) && !defaulted
                                ? GrammarScope.ALL : GrammarScope.BY_GENRE)
                        .withAcronyms(checks.contains(Check.UNDEFINED_ACRONYMS) && !defaulted
                                ? AcronymScope.ALL : AcronymScope.BY_GENRE),
                List.of(), List.of(), List.of(), Language.ENGLISH);
    }

    /** The same requirement read by someone in {@code newLanguage}. */
    public Requirement withLanguage(Language newLanguage) {
        return new Requirement(text, checks, terms, defaulted, settings, understood, notUnderstood, notes, newLanguage);
    }

    /** Every check that runs, in a stable order, with the parameters it runs with. */
    public List<CheckRun> checksRun() {
        List<CheckRun> runs = new ArrayList<>();
        for (Check check : Check.values()) {
            if (checks.contains(check)) {
                runs.add(new CheckRun(check.id(), params(check)));
            }
        }
        return runs;
    }

    private Map<String, Object> params(Check check) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (check) {
            case LONG_SENTENCE -> {
                params.put("max_words", settings.maxWords());
                params.put("max_chars", settings.maxChineseChars());
            }
            case GRAMMAR -> {
                params.put("variant", settings.variant().languageCode());
                params.put("scope", settings.grammar().id());
            }
            case PASSIVE_VOICE -> params.put("scope", settings.passives().id());
            case VAGUE_WORDS -> params.put("scope", settings.vagueWords().id());
            case UNDEFINED_ACRONYMS -> params.put("scope", settings.acronyms().id());
            case TERMS -> params.put("terms", terms);
            case INCONSISTENT_TERMS -> {
                if (!settings.consistencyTerms().isEmpty()) {
                    params.put("terms", settings.consistencyTerms());
                }
            }
            default -> {
                // the check has no parameters
            }
        }
        return params;
    }
}
