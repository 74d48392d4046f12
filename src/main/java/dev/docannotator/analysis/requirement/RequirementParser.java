package dev.docannotator.analysis.requirement;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.text.Scripts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a free-text requirement in English or Chinese. Quoted terms become {@link Requirement#terms()} and select
 * {@link Check#TERMS}; words and phrases from {@link Vocabulary} select the other checks. When nothing is selected
 * the {@linkplain #defaultChecks() default set} is used and the requirement is marked as defaulted. A check named
 * after a negation ("except grammar", "no passive", 除了语法, 不要检查被动) is left out instead.
 */
public final class RequirementParser {
    /** Longest requirement read; the rest is ignored (a requirement is a sentence or two, not a document). */
    static final int MAX_LENGTH = 4000;

    /**
     * Every check except GRAMMAR, which is opt-in because LanguageTool is by far the slowest check (seconds to load,
     * tens of milliseconds per paragraph). TERMS is in the set but finds nothing without quoted terms.
     */
    public static Set<Check> defaultChecks() {
        EnumSet<Check> set = EnumSet.allOf(Check.class);
        set.remove(Check.GRAMMAR);
        return set;
    }

    public Requirement parse(String requirementText) {
        String original = requirementText == null ? "" : requirementText;
        String text = original.length() > MAX_LENGTH ? original.substring(0, MAX_LENGTH) : original;
        QuotedTerms.Extracted quoted = QuotedTerms.extract(text);
        String lowered = quoted.rest().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        StringBuilder rest = new StringBuilder(lowered);
        EnumSet<Check> checks = EnumSet.noneOf(Check.class);
        EnumSet<Check> excluded = EnumSet.noneOf(Check.class);
        boolean everything = false;
        for (Vocabulary.Entry entry : Vocabulary.entries()) {
            int at = find(rest, entry.phrase());
            while (at >= 0) {
                if (entry.checks().isEmpty()) {
                    everything = true;
                } else if (Negation.precedes(lowered, at)) {
                    excluded.addAll(entry.checks());
                } else {
                    checks.addAll(entry.checks());
                }
                for (int i = at; i < at + entry.phrase().length(); i++) {
                    rest.setCharAt(i, ' ');
                }
                at = find(rest, entry.phrase());
            }
        }
        if (everything) {
            checks.addAll(EnumSet.allOf(Check.class));
        } else if (checks.isEmpty() && !excluded.isEmpty()) {
            checks.addAll(defaultChecks()); // "skip passive voice": the defaults without it
        }
        checks.removeAll(excluded);
        if (!quoted.terms().isEmpty()) {
            checks.add(Check.TERMS);
        }
        if (checks.isEmpty() && excluded.isEmpty()) {
            return new Requirement(original, defaultChecks(), quoted.terms(), true);
        }
        return new Requirement(original, checks, quoted.terms(), false);
    }

    /** Where {@code phrase} occurs in {@code text}: Chinese phrases anywhere, English ones as whole words. */
    private static int find(CharSequence text, String phrase) {
        boolean latin = !Scripts.isHan(phrase.charAt(0));
        String haystack = text.toString();
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
            boolean leftOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1)) || Scripts.isHan(haystack.charAt(at - 1));
            boolean rightOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end))
                    || Scripts.isHan(haystack.charAt(end));
            if (leftOk && rightOk) {
                return at;
            }
            from = at + 1;
        }
    }
}
