package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.GrammarScope;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.VagueScope;
import dev.docannotator.analysis.text.Genre;
import java.util.ArrayList;
import java.util.List;

/**
 * What the broad ask ("check everything", 全部检查, or the default set) left unreported in a document because of its
 * genre, so that the result can say so: a person who reads no passive on a licence should know that passives were not
 * looked for there, not that there were none. Only what the checks that ran actually held back, and nothing a
 * requirement that named the check would have kept.
 */
public final class GenreHoldBacks {
    /** A kind of finding held back, named in the note by its key in the {@code pipeline} messages. */
    public enum Kind {
        /** English passives ({@link PassiveGenres}); Chinese 被 keeps its hidden-actor rule. */
        PASSIVE_VOICE("passive_voice"),
        /** English grammar and spelling in documentation (the grammar package's GenreRules). */
        GRAMMAR("grammar"),
        /** Vague words in documentation ({@link VagueWordsCheck}). */
        VAGUE_WORDS("vague_words"),
        /** Undefined acronyms in documentation ({@link AcronymGenres}). */
        UNDEFINED_ACRONYMS("undefined_acronyms");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The suffix of its message key ({@code held_back.kind.<key>}). */
        public String key() {
            return key;
        }
    }

    private GenreHoldBacks() {
    }

    /**
     * What {@code requirement}'s checks held back in a document of {@code genre}, in the order the note names them. In a
     * mainly Chinese document (a zh_CN manual page) English passives and grammar have little to read, so
     * holding them back is not worth a note.
     */
    public static List<Kind> of(Requirement requirement, Genre genre, boolean mainlyChinese) {
        List<Kind> held = new ArrayList<>();
        var settings = requirement.settings();
        var checks = requirement.checks();
        if (checks.contains(Check.PASSIVE_VOICE) && !mainlyChinese
                && !PassiveGenres.readsEnglish(settings.passives(), genre)) {
            held.add(Kind.PASSIVE_VOICE);
        }
        // GenreRules.reads: in documentation, under the broad ask, no grammar
        if (checks.contains(Check.GRAMMAR) && !mainlyChinese && settings.grammar() == GrammarScope.BY_GENRE
                && genre.isDocumentation()) {
            held.add(Kind.GRAMMAR);
        }
        if (checks.contains(Check.VAGUE_WORDS) && settings.vagueWords() == VagueScope.OUTSIDE_DOCUMENTATION
                && genre.isDocumentation()) {
            held.add(Kind.VAGUE_WORDS);
        }
        if (checks.contains(Check.UNDEFINED_ACRONYMS) && !AcronymGenres.reads(settings.acronyms(), genre)) {
            held.add(Kind.UNDEFINED_ACRONYMS);
        }
        return held;
    }
}
