package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.text.Span;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.Rule;

/**
 * Which of LanguageTool's rules are worth a comment, by the kind of problem they judge (its rule categories) rather
 * than rule by rule: slips a careful editor corrects (typos, agreement, confused words, wrong collocations, compounds,
 * a doubled word) are reported; opinions on style, redundancy, punctuation and casing, and typography, are not. Measured
 * on the quality benchmark's labelled findings (BENCHMARKS.md, session 8): of 35 labelled findings of the categories
 * left out, 3 were true ("eg.", a comma after a year, "so as to"), among the false "Nowadays it is …" (comma), "user name"
 * (username), a lower-case sentence start after a file name ({@code sources.list}), {@code archive.Z} and
 * {@code user,...} (missing space).
 */
final class ReportedRules {
    /** LanguageTool's categories of slips. Everything else (STYLE, REDUNDANCY, PUNCTUATION, CASING, TYPOGRAPHY …) is not. */
    private static final Set<String> SLIPS = Set.of(
            "TYPOS", "GRAMMAR", "CONFUSED_WORDS", "COLLOCATIONS", "COMPOUNDING", "NONSTANDARD_PHRASES",
            "MULTITOKEN_SPELLING", "PROPER_NOUNS", "SEMANTICS", "MISC");
    /** Typography: a space before a comma or a full stop ("is late ." ) is the one the author typed. */
    private static final String SPACE_BEFORE_PUNCTUATION = "COMMA_PARENTHESIS_WHITESPACE";
    /** Quotes and brackets that close a quoted address: {@code "https://…" .}, {@code <https://…> .}. */
    private static final String CLOSING_QUOTES = "\"'”’>)]";
    /**
     * Rules of those categories that were noise in every sampled case: "the most" read as a superlative after "a",
     * "contribution on" (a licence's wording), a phrasal verb's particle counted as a repeated adverb ("You end up
     * coming up smelling like roses": an opinion on rhythm).
     */
    private static final Set<String> NOISE = Set.of("THE_SUPERLATIVE", "ON_THE_NOVEL", "ADVERB_VERB_ADVERB_REPETITION");
    /**
     * Which preposition a platform's name takes: "on Linux" for software that runs there, "in Debian" for the project
     * or the distribution as a body of software and policy ("approaches in Debian", "In Debian, the use of sudo is
     * preferred"). LanguageTool's rule only knows the first; edited technical text uses both. Over every label: 2
     * findings, both false (adduser's and users-and-groups' "in Debian").
     */
    private static final Set<String> IDIOM_CHOICES = Set.of("IN_WINDOWS");

    /**
     * Rules whose findings were nearly all correct English on the labelled sets, held back under the broad ask (named,
     * grammar still reports them): an attributive plural read as a missing possessive ("the Rust users forum", "encoded
     * bytes data", a directory called "packages": 1 true of 6 distinct findings), a noun read as a second verb
     * ("production uses using regular builds", "group groups": 0 of 2), a noun modifier read as a participle ("edit
     * or view access": 0 of 2). An editor would not thank us for them; the one true "experts participation" is the
     * price.
     */
    private static final Set<String> MOSTLY_MISREAD = Set.of(
            "POSSESSIVE_APOSTROPHE", "REPEATED_VERBS", "HAVE_PART_AGREEMENT");

    /** "ten lines or less", "25 words or less": after a quantity, "or less" is the idiom of a limit, not "fewer". */
    private static final Pattern OR_BEFORE = Pattern.compile("(?<![\\p{L}])or\\s+$", Pattern.CASE_INSENSITIVE);

    private ReportedRules() {
    }

    /**
     * Whether a match of {@code rule} on {@code matched} is reported. {@code variantNamed}: the requirement named an
     * English ("in British English"), so a word of another English is a finding. {@code laidOut}: the block came from a
     * hard-wrapped or laid-out page, so its spaces are not the author's.
     */
    static boolean reports(Rule rule, String matched, boolean variantNamed, boolean laidOut) {
        if (NOISE.contains(rule.getId()) || IDIOM_CHOICES.contains(rule.getId())) {
            return false;
        }
        if (SLIPS.contains(rule.getCategory().getId().toString())) {
            return true;
        }
        if (rule.getLocQualityIssueType() == ITSIssueType.LocaleViolation) {
            return variantNamed;
        }
        // a space to remove, in the author's own layout; adding one inside a token ("archive.Z", "user,...",
        // "[,keyword]") would break a file name or an option's syntax
        return rule.getId().equals(SPACE_BEFORE_PUNCTUATION) && !laidOut && startsWithSpace(matched);
    }

    /** Whether the broad ask holds back rule {@code ruleId}'s findings ({@link #MOSTLY_MISREAD}). */
    static boolean isMostlyMisread(String ruleId) {
        return MOSTLY_MISREAD.contains(ruleId);
    }

    private static boolean startsWithSpace(String matched) {
        return !matched.isEmpty() && Character.isWhitespace(matched.charAt(0));
    }

    /**
     * A hyphenated compound where the suggestion only closes it up or opens it ("auto-configures" → "autoconfigures",
     * "e-mail" → "email", "side-effect" → "side effect"): both forms are standard, which one a text uses is house
     * style. Joining or hyphenating an open compound ("self explanatory", "case sensitive") is still reported.
     */
    static boolean isHouseStyleCompound(String matched, List<String> suggestions) {
        if (matched.indexOf('-') <= 0 || suggestions.isEmpty()) {
            return false;
        }
        // LanguageTool's match may take the space before the word with it (" Sub-teams" after a sentence's end)
        String suggested = suggestions.get(0).strip().toLowerCase(Locale.ROOT);
        String lower = matched.strip().toLowerCase(Locale.ROOT);
        return suggested.equals(lower.replace("-", "")) || suggested.equals(lower.replace('-', ' '));
    }

    /**
     * "See http://www.pdflib.com/ .": a space between an address (masked) and the punctuation after it keeps the
     * punctuation out of the address when a reader copies it or a program links it; it is there on purpose, not a
     * stray space; so it is after the quotes that close a quoted address ("https://gnupg.org/faq/…" .). Over every
     * label: 4 findings (zlib's FAQ, GnuPG's README), all false.
     */
    static boolean isSpaceAfterAnAddress(String ruleId, List<Span> hidden, String paragraph, int start) {
        if (!ruleId.equals(SPACE_BEFORE_PUNCTUATION)) {
            return false;
        }
        int i = start;
        while (i > 0 && Character.isWhitespace(paragraph.charAt(i - 1))) {
            i--;
        }
        int quoted = i;
        while (quoted > 0 && CLOSING_QUOTES.indexOf(paragraph.charAt(quoted - 1)) >= 0) {
            quoted--; // "https://gnupg.org/faq/whats-new-in-2.1.html" . : the quotes close the address
        }
        for (Span s : hidden) {
            if (s.end() == i || s.end() == start || quoted < i && s.end() == quoted) {
                return true;
            }
        }
        return false;
    }

    /** LanguageTool's "fewer with countable nouns" on the "or less" of a limit ("functions of ten lines or less"). */
    static boolean isLimitIdiom(String ruleId, String paragraph, int start) {
        return ruleId.equals("FEWER_LESS") && OR_BEFORE.matcher(paragraph.substring(Math.max(0, start - 8), start)).find();
    }
}
