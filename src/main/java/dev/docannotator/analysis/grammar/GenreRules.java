package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.GrammarScope;
import dev.docannotator.analysis.text.Genre;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.languagetool.rules.Rule;

/**
 * Which grammar findings the broad ask ("check everything", 全部检查) reports in a manual page or a README
 * ({@link Genre#MANUAL}, {@link Genre#TECHNICAL}), decided by LanguageTool category from the labels of the sets judged
 * on first exposure, before any fix was made from them (held-out 1–6 and formats; BENCHMARKS.md, session 13: genre9).
 * There, in documentation, GRAMMAR was 13 true of 27 labelled, collocations 2/2, compounds 3/6; TYPOS 2/13 (unknown
 * words 1/6: a function's name, a program's; apostrophes, "key words", a hyphen split by the layout) and TYPOGRAPHY
 * 0/30 (a space before a bracket or comma in option syntax and code). So in documentation typography is not reported,
 * nor LanguageTool's TYPOS except an unknown word that is very likely a slip, nor BEEN_PART_AGREEMENT (0/3: "has been
 * deflate", a command taken for a participle). Licences, contracts and other writing keep every category of slips
 * (legal 5/8, general 7/25 with typography 1/17, but the planted typos of a proposal are general). When the user names
 * grammar or spelling ({@link GrammarScope#ALL}) everything is reported, in every genre.
 * <p>
 * Held-out 7 (session 14: grammar10): A_UNCOUNTABLE took "a secure transport" (SSH as a transport for other
 * programs) for a mass noun. In computing some of the nouns it lists name countable things: a transport (a protocol
 * layer), an access (one read or write of memory). In documentation those two are not reported after an article;
 * "an advice", "an equipment" still are.
 */
final class GenreRules {
    /** LanguageTool categories whose blind precision in documentation was low. */
    private static final Set<String> LOW_IN_DOCUMENTATION = Set.of("TYPOS", "TYPOGRAPHY");
    /** Rules of a kept category that were false in all three or more blind labels in documentation. */
    private static final Set<String> FALSE_IN_DOCUMENTATION = Set.of("BEEN_PART_AGREEMENT");

    /** Nouns that A_UNCOUNTABLE lists as mass nouns and that computing counts: "a secure transport", "an access". */
    private static final Pattern COUNTABLE_IN_COMPUTING = Pattern.compile("(?i).*\\b(?:transport|access)$");

    private GenreRules() {
    }

    /**
     * Whether a match of {@code rule} on {@code word}, already judged a slip by the other filters, is reported in a
     * document of {@code genre} under {@code scope}.
     */
    static boolean reports(GrammarScope scope, Genre genre, Rule rule, String word) {
        if (scope == GrammarScope.ALL || !genre.isDocumentation()) {
            return true;
        }
        if (FALSE_IN_DOCUMENTATION.contains(rule.getId())
                || rule.getId().equals("A_UNCOUNTABLE") && COUNTABLE_IN_COMPUTING.matcher(word.strip()).matches()) {
            return false;
        }
        if (!LOW_IN_DOCUMENTATION.contains(rule.getCategory().getId().toString())) {
            return true;
        }
        return rule.isDictionaryBasedSpellingRule() && isVeryLikelyASlip(word);
    }


    /**
     * An unknown word that passed {@link TypoShape} and does not start with a doubled consonant: English words never do
     * (only a few with vowels: ooze, eel), while C and Unix names do ({@code fflush}, {@code mmap}, {@code llvm}), and
     * documentation inflects them as words ("fflushes", "mmapped").
     */
    static boolean isVeryLikelyASlip(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return !(w.length() >= 2 && w.charAt(0) == w.charAt(1) && Character.isLetter(w.charAt(0))
                && "aeiou".indexOf(w.charAt(0)) < 0);
    }
}
