package dev.docannotator.analysis.requirement;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.CheckSettings;
import dev.docannotator.analysis.EnglishVariant;
import dev.docannotator.analysis.AcronymScope;
import dev.docannotator.analysis.GrammarScope;
import dev.docannotator.analysis.PassiveScope;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.RequirementNote;
import dev.docannotator.analysis.VagueScope;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.common.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a free-text requirement in English or Chinese and says what it understood. The text is cut into asks
 * ({@link Clauses}); in each, sentence-length limits ({@link SentenceLimits}), an English variant ({@link Variants})
 * and check words ({@link Vocabulary}) select checks, unless the ask is negated ({@link Negation}). Quoted terms
 * select {@link Check#TERMS}, or are the terms to keep consistent when the same sentence asks for consistency.
 * An ask that selects nothing and is more than filler is reported as not understood, with a note
 * ({@link Unmatched}); when nothing at all was selected the {@linkplain #defaultChecks() default set} runs and the
 * requirement is marked as having fallen back.
 */
public final class RequirementParser {
    /** Longest requirement read; the rest is ignored (a requirement is a sentence or two, not a document). */
    static final int MAX_LENGTH = 4000;
    /** A clause with one of these verbs asks for something itself and does not inherit a negation ("skip X and check Y"). */
    private static final Pattern OWN_VERB = Pattern.compile(
            "(?<![a-z])(?:check|flag|find|look|highlight|mark|catch|spot|include|keep)(?![a-z])|检查|查|找|标|留意|注意");
    private static final Pattern TRIM = Pattern.compile("^[\\s,.;:!?，。；：！？、]+|[\\s,.;:!?，。；：！？、]+$");

    private final EnglishVariant defaultVariant;

    public RequirementParser() {
        this(EnglishVariant.AMERICAN);
    }

    /** {@code defaultVariant} is the server's English when the requirement names none. */
    public RequirementParser(EnglishVariant defaultVariant) {
        this.defaultVariant = defaultVariant;
    }

    /**
     * Every check except GRAMMAR, which is opt-in because LanguageTool is by far the slowest check (seconds to load,
     * tens of milliseconds per paragraph). TERMS is in the set but finds nothing without quoted terms.
     */
    public static Set<Check> defaultChecks() {
        EnumSet<Check> set = EnumSet.allOf(Check.class);
        set.remove(Check.GRAMMAR);
        return set;
    }

    /**
     * A selection of checks at {@code [start, end)} of the requirement; no checks means "every check". A variant
     * ("in British English") selects grammar only when its sentence asks for nothing else; otherwise it only says
     * which English grammar would use.
     */
    private record Hit(int start, int end, Set<Check> checks, boolean variant) {
        Hit(int start, int end, Set<Check> checks) {
            this(start, end, checks, false);
        }
    }

    public Requirement parse(String requirementText) {
        String original = requirementText == null ? "" : requirementText;
        String text = original.length() > MAX_LENGTH ? original.substring(0, MAX_LENGTH) : original;
        QuotedTerms.Extracted quoted = QuotedTerms.extract(text);
        Mask mask = new Mask(quoted.rest());
        Negation.blankPositives(mask);
        List<RequirementNote> notes = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        int maxWords = CheckSettings.DEFAULT_MAX_WORDS;
        int maxChars = CheckSettings.DEFAULT_MAX_CHINESE_CHARS;
        for (SentenceLimits.Limit limit : SentenceLimits.find(mask.toString())) {
            hits.add(new Hit(limit.start(), limit.end(), Set.of(Check.LONG_SENTENCE)));
            mask.blank(limit.start(), limit.end());
            if (!limit.inRange()) {
                notes.add(RequirementNote.of(limit.words() ? "note.limit_words_ignored" : "note.limit_chars_ignored",
                        String.valueOf(limit.value())));
            } else if (limit.words()) {
                maxWords = limit.value();
            } else {
                maxChars = limit.value();
            }
        }
        EnglishVariant variant = defaultVariant;
        boolean variantNamed = false;
        for (Variants.Found found : Variants.find(mask.toString())) {
            hits.add(new Hit(found.start(), found.end(), Set.of(Check.GRAMMAR), true));
            mask.blank(found.start(), found.end());
            variant = found.variant();
            variantNamed = true;
        }
        for (Vocabulary.Entry entry : Vocabulary.entries()) {
            for (int at = find(mask.toString(), entry.phrase()); at >= 0; at = find(mask.toString(), entry.phrase())) {
                hits.add(new Hit(at, at + entry.phrase().length(), entry.checks()));
                mask.blank(at, at + entry.phrase().length());
            }
        }
        String read = mask.toString();
        EnumSet<Check> selected = EnumSet.noneOf(Check.class);
        EnumSet<Check> excluded = EnumSet.noneOf(Check.class);
        boolean everything = false;
        Set<Integer> consistencySentences = new HashSet<>();
        Set<Integer> quoteSentences = new HashSet<>();
        List<String> understood = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        boolean previousNegated = false;
        // Clauses are cut where the asks are still visible (as x's), so that an ask is never a blank clause.
        char[] view = read.toCharArray();
        for (Hit hit : hits) {
            java.util.Arrays.fill(view, hit.start(), hit.end(), 'x');
        }
        for (Clauses.Clause clause : Clauses.split(new String(view))) {
            String shown = TRIM.matcher(text.substring(clause.start(), clause.end())).replaceAll("");
            String clauseText = read.substring(clause.start(), clause.end());
            boolean hasQuote = quoted.quoteIn(clause.start(), clause.end());
            List<Hit> inClause = hits.stream().filter(h -> h.start() >= clause.start() && h.end() <= clause.end())
                    .sorted(java.util.Comparator.comparingInt(Hit::start)).toList();
            int sentence = sentenceStart(read, clause.start());
            if (hasQuote) {
                quoteSentences.add(sentence);
            }
            if (inClause.isEmpty()) {
                previousNegated = false;
                if (hasQuote) {
                    understood.add(shown);
                } else if (Unmatched.meaningful(clauseText)) {
                    notUnderstood.add(shown);
                    notes.add(Unmatched.note(clauseText, shown));
                }
                continue;
            }
            understood.add(shown);
            boolean inherit = clause.join() == Clauses.Join.LIST && previousNegated
                    && !OWN_VERB.matcher(clauseText).find();
            boolean lastNegated = false;
            int sentenceEnd = clause.sentenceEnd();
            boolean otherAsks = hits.stream().anyMatch(h -> !h.variant() && h.start() >= sentence && h.end() <= sentenceEnd
                    && !h.checks().contains(Check.GRAMMAR));
            for (Hit hit : inClause) {
                if (hit.variant() && otherAsks) {
                    continue;
                }
                boolean negated = inherit || Negation.negated(read, clause.start(), clause.end(), clause.sentenceEnd(),
                        hit.start(), hit.end());
                lastNegated = negated;
                if (negated) {
                    excluded.addAll(hit.checks());
                } else if (hit.checks().isEmpty()) {
                    everything = true;
                } else {
                    selected.addAll(hit.checks());
                    if (hit.checks().contains(Check.INCONSISTENT_TERMS)) {
                        consistencySentences.add(sentence);
                    }
                }
            }
            previousNegated = lastNegated; // "everything except grammar and passive": the scope reaches on
        }
        EnumSet<Check> checks = EnumSet.noneOf(Check.class);
        if (everything) {
            checks.addAll(EnumSet.allOf(Check.class));
        } else if (selected.isEmpty() && !excluded.isEmpty()) {
            checks.addAll(defaultChecks()); // "skip passive voice": the defaults without it
        } else {
            checks.addAll(selected);
        }
        checks.removeAll(excluded);
        // Quoted terms in a sentence that asks for consistency are the spellings to keep consistent; any others
        // are terms to find.
        List<String> consistencyTerms = List.of();
        if (!quoted.terms().isEmpty()) {
            boolean forConsistency = quoteSentences.stream().anyMatch(consistencySentences::contains);
            boolean toFind = quoteSentences.isEmpty() || !consistencySentences.containsAll(quoteSentences);
            if (forConsistency) {
                consistencyTerms = quoted.terms();
            }
            if (toFind && !excluded.contains(Check.TERMS)) {
                checks.add(Check.TERMS);
            }
        }
        boolean fellBack = checks.isEmpty() && excluded.isEmpty();
        if (fellBack) {
            checks.addAll(defaultChecks());
            if (!text.isBlank()) {
                notes.add(RequirementNote.of(notUnderstood.isEmpty() ? "note.general" : "note.fell_back"));
            }
        }
        if (checks.contains(Check.GRAMMAR) && text.codePoints().anyMatch(Scripts::isHan)) {
            notes.add(RequirementNote.of("note.grammar_english_only"));
        }
        // passives named in the requirement (not only through "everything" or the defaults): report them all
        PassiveScope passives = selected.contains(Check.PASSIVE_VOICE) && checks.contains(Check.PASSIVE_VOICE)
                ? PassiveScope.ALL : PassiveScope.HIDDEN_ACTOR;
        // vague words named in the requirement: technical documentation is read for them too
        VagueScope vagueWords = selected.contains(Check.VAGUE_WORDS) && checks.contains(Check.VAGUE_WORDS)
                ? VagueScope.ALL_DOCUMENTS : VagueScope.OUTSIDE_DOCUMENTATION;
        // grammar or spelling named ("check spelling", "everything, including grammar", 语法, 错别字, a variant alone):
        // every slip in every genre; only "everything" / 全部检查: what is worth reading in the document's genre
        GrammarScope grammar = selected.contains(Check.GRAMMAR) && checks.contains(Check.GRAMMAR)
                ? GrammarScope.ALL : GrammarScope.BY_GENRE;
        // acronyms named (acronyms, abbreviations, 缩写): looked for in manual pages and READMEs too
        AcronymScope acronyms = selected.contains(Check.UNDEFINED_ACRONYMS) && checks.contains(Check.UNDEFINED_ACRONYMS)
                ? AcronymScope.ALL : AcronymScope.BY_GENRE;
        CheckSettings settings = new CheckSettings(maxWords, maxChars, variant, consistencyTerms, passives, variantNamed,
                vagueWords, grammar, acronyms);
        return new Requirement(original, checks, quoted.terms(), fellBack, settings, understood, notUnderstood,
                List.copyOf(new LinkedHashSet<>(notes)), Language.ENGLISH);
    }

    /** Where the sentence holding {@code at} starts in {@code read}. */
    private static int sentenceStart(String read, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (".;!?。；！？\n".indexOf(read.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where {@code phrase} occurs in {@code text}: Chinese phrases anywhere, English ones as whole words. */
    private static int find(String haystack, String phrase) {
        boolean latin = !Scripts.isHan(phrase.charAt(0));
        int from = 0;
        while (true) {
            int at = haystack.indexOf(phrase, from);
            if (at < 0) {
                return -1;
            }
            if (!latin) {
                return at;
            }
            int end = at + phrase.length();
            boolean leftOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1))
                    || Scripts.isHan(haystack.charAt(at - 1));
            boolean rightOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end))
                    || Scripts.isHan(haystack.charAt(end));
            if (leftOk && rightOk) {
                return at;
            }
            from = at + 1;
        }
    }
}
