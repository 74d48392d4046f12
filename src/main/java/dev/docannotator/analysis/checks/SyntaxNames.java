package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.OptionSyntax;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a document uses as names in a syntax rather than as prose: the placeholders of an option's argument spec
 * ({@code -L [bind_address:]port:host:hostport}, {@code [ "~" word-size ]}, {@code q [exit-code]}) and the names of
 * markup elements ("generic-icon elements specify …"). Such a name and the words it is made of are different things:
 * "host port hostport" in ssh(1) names three placeholders, and "word-size" the field of a rule that the prose calls the
 * word size. An element's name that the prose also uses as a noun ("a mime-type to be a sub-class") is a term after
 * all. Only names that look like compounds count (hyphenated, or a closed word whose parts are placeholders too),
 * since those are what the terms check compares. A synopsis' operand ({@code [starting-point...]}, one word alone in
 * brackets beside an option) is a name only where the synopsis writes it: the prose goes on using its words as words
 * ({@link OptionSyntax#operands}).
 */
final class SyntaxNames {
    /** "generic-icon elements", "the treemagic element": a name of a markup element or attribute. */
    private static final Pattern ELEMENT_NAME = Pattern.compile(
            "(?<![\\w-])([A-Za-z][A-Za-z]*+(?:-[A-Za-z]++)*+)[ \\t]++(?:elements?|attributes?)\\b");
    /**
     * "the mime-type by …", "for a mime-type to be": a determiner before a word and no "element" after it, nor "files"
     * ("the treemagic files" names the files the element's data is kept in).
     */
    private static final Pattern COMMON_NOUN_USE = Pattern.compile(
            "(?i)(?<![\\w-])(?:a|an|the|this|that|each|every|any|its)[ \\t\\n]+([a-z][a-z]*(?:-[a-z]+)*)"
                    + "(?![\\w-]|[ \\t\\n]+(?:elements?|attributes?|files?)\\b)");

    /** Shorter placeholders ("num", "n", "file") are words or letters, not coined compounds. */
    private static final int MIN_COINED_LETTERS = 7;

    private SyntaxNames() {
    }

    /**
     * Those of {@code some} synopsis placeholders that look like compounds, in lower case, with their plurals
     * ("starting-points" beside {@code [starting-point...]}); {@code placeholders}: all of them ({@link
     * OptionSyntax#placeholders}), of which a closed word's parts are ("hostport" beside host and port).
     */
    static Set<String> placeholderNames(Set<String> some, Set<String> placeholders) {
        Set<String> names = new HashSet<>();
        for (String p : some) {
            if (p.indexOf('-') > 0 || isMadeOf(p, placeholders)) {
                names.add(p);
            }
        }
        return withPlurals(names);
    }

    /**
     * Those of an option's placeholders or a synopsis' operands ({@link OptionSyntax#metavariables},
     * {@link OptionSyntax#operands}) that are closed words of two parts no dictionary has ({@code patchfile},
     * {@code originalfile}; not {@code filename}, a word of its own), in lower case, with their plurals: the manual
     * coined them as names, so the open words ("a patch file") are not another spelling.
     */
    static Set<String> coinedMetavariables(Set<String> metavariables) {
        Set<String> coined = new HashSet<>();
        for (String m : metavariables) {
            if (m.length() >= MIN_COINED_LETTERS && m.chars().allMatch(Character::isLetter)
                    && !EnglishWords.isInDictionary(m)) {
                coined.add(m);
            }
        }
        return withPlurals(coined);
    }

    /** The names of markup elements, in lower case, with their plurals ("generic-icons" beside generic-icon). */
    static Set<String> elementNames(Iterable<String> blocks) {
        Set<String> elements = new HashSet<>();
        for (String text : blocks) {
            Matcher e = ELEMENT_NAME.matcher(text);
            while (e.find()) {
                String name = e.group(1).toLowerCase(Locale.ROOT);
                if (!EnglishWords.isOnlyAnAdjective(name) && (name.indexOf('-') > 0 || name.length() >= 8)) {
                    elements.add(name);
                }
            }
        }
        // "mime-type elements" and "a mime-type to be": an element's name the prose uses as a noun as well is a term
        for (String text : elements.isEmpty() ? List.<String>of() : blocks) {
            Matcher noun = COMMON_NOUN_USE.matcher(text);
            while (noun.find()) {
                elements.remove(noun.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return withPlurals(elements);
    }

    private static Set<String> withPlurals(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        for (String n : names) {
            all.add(n + "s");
        }
        return all;
    }

    /** "hostport" beside the placeholders host and port: a closed word split into two placeholders. */
    private static boolean isMadeOf(String word, Set<String> placeholders) {
        for (int i = 2; i <= word.length() - 2; i++) {
            if (placeholders.contains(word.substring(0, i)) && placeholders.contains(word.substring(i))) {
                return true;
            }
        }
        return false;
    }
}
