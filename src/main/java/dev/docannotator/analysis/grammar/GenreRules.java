package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.GrammarScope;
import dev.docannotator.analysis.text.Genre;
import java.util.regex.Pattern;
import org.languagetool.rules.Rule;

/**
 * In which documents the grammar check reads, and what it knows of their genre.
 * <p>
 * Asked for with everything else ("check everything", 全部检查), grammar does not read manual pages and software
 * documentation ({@link Genre#isDocumentation()}): on every set judged on first exposure, after each session's fixes,
 * about a quarter of what it still reported there was a real slip (sets 1–6 about 25 %, the eighth set's documentation
 * 4/17, the ninth's 1/7; BENCHMARKS.md, session 15: grammar policy). Each session's fixes raised the sets they were
 * made from and left the next set unchanged: documentation is full of names, commands, placeholders and terse
 * fragments that LanguageTool reads as slips, and no filter found so far tells them apart. Licences, contracts and
 * other writing keep the check. When the user names grammar or spelling ({@link GrammarScope#ALL}) every document
 * is read and every slip reported; the result's notes say what the broad ask held back.
 */
final class GenreRules {
    /** Nouns that A_UNCOUNTABLE lists as mass nouns and that computing counts: "a secure transport", "an access". */
    private static final Pattern COUNTABLE_IN_COMPUTING = Pattern.compile("(?i).*\\b(?:transport|access)$");

    private GenreRules() {
    }

    /** Whether the grammar check reads a document of {@code genre} under {@code scope}. */
    static boolean reads(GrammarScope scope, Genre genre) {
        return scope == GrammarScope.ALL || !genre.isDocumentation();
    }

    /**
     * A_UNCOUNTABLE on a noun that computing counts, in documentation ("the use of SSH as a secure transport", a
     * protocol layer; "an access", one read or write of memory): not a mass noun there. "An advice" still is.
     */
    static boolean isCountableInComputing(Genre genre, Rule rule, String word) {
        return genre.isDocumentation() && rule.getId().equals("A_UNCOUNTABLE")
                && COUNTABLE_IN_COMPUTING.matcher(word.strip()).matches();
    }
}
