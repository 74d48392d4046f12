package dev.docannotator.analysis.checks;

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
 * since those are what the terms check compares.
 */
final class SyntaxNames {
    /** An option and a colon-joined argument spec after it: {@code -L [bind_address:]port:host:hostport}. */
    private static final Pattern OPTION_SPEC = Pattern.compile(
            "(?<![\\w-])--?[A-Za-z][\\w-]*[ \\t=]+(\\[?[A-Za-z_][\\w\\[\\]-]*:[\\w\\[\\]:-]*[\\w\\]])(?![\\w/:])");
    /** A syntax in square brackets: an option or a quoted literal with placeholders, {@code [ "~" word-size ]}. */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]\\n]{1,60})\\]");
    /** One part of a bracketed syntax: a flag, a quoted literal, a placeholder, an ellipsis or a bar. */
    private static final Pattern SYNTAX_PART = Pattern.compile(
            "\\s*(?:(--?[A-Za-z][\\w-]*)|(\"[^\"]{1,6}\"|'[^']{1,6}')|([A-Za-z_][\\w-]*)|\\.\\.\\.|\\|)\\s*");
    /** An option on the line: {@code -o}, {@code --engine}. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z]");
    /** A placeholder in angle brackets: {@code <file-name>}. */
    private static final Pattern ANGLED = Pattern.compile("<([A-Za-z][\\w-]*)>");
    /** "generic-icon elements", "the treemagic element": a name of a markup element or attribute. */
    private static final Pattern ELEMENT_NAME = Pattern.compile(
            "(?<![\\w-])([A-Za-z][A-Za-z]*+(?:-[A-Za-z]++)*+)[ \\t]++(?:elements?|attributes?)\\b");
    private static final Pattern PART = Pattern.compile("[A-Za-z_][\\w-]*");
    /**
     * "the mime-type by …", "for a mime-type to be": a determiner before a word and no "element" after it, nor "files"
     * ("the treemagic files" names the files the element's data is kept in).
     */
    private static final Pattern COMMON_NOUN_USE = Pattern.compile(
            "(?i)(?<![\\w-])(?:a|an|the|this|that|each|every|any|its)[ \\t\\n]+([a-z][a-z]*(?:-[a-z]+)*)"
                    + "(?![\\w-]|[ \\t\\n]+(?:elements?|attributes?|files?)\\b)");

    private SyntaxNames() {
    }

    /** The names, in lower case, with their plurals ("generic-icons" beside the element generic-icon). */
    static Set<String> of(Iterable<String> blocks) {
        Set<String> placeholders = new HashSet<>();
        Set<String> elements = new HashSet<>();
        for (String text : blocks) {
            if (text.indexOf(':') >= 0 || text.indexOf('[') >= 0 || text.indexOf('<') >= 0) {
                collectPlaceholders(text, placeholders);
            }
            Matcher e = ELEMENT_NAME.matcher(text);
            while (e.find()) {
                String name = e.group(1).toLowerCase(Locale.ROOT);
                if (!EnglishWords.isOnlyAnAdjective(name) && (name.indexOf('-') > 0 || name.length() >= 8)) {
                    elements.add(name);
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (String p : placeholders) {
            if (p.indexOf('-') > 0 || isMadeOf(p, placeholders)) {
                names.add(p);
            }
        }
        // "mime-type elements" and "a mime-type to be": an element's name the prose uses as a noun as well is a term
        for (String text : elements.isEmpty() ? List.<String>of() : blocks) {
            Matcher noun = COMMON_NOUN_USE.matcher(text);
            while (noun.find()) {
                elements.remove(noun.group(1).toLowerCase(Locale.ROOT));
            }
        }
        names.addAll(elements);
        Set<String> plurals = new HashSet<>();
        for (String n : names) {
            plurals.add(n + "s");
        }
        names.addAll(plurals);
        return names;
    }

    private static void collectPlaceholders(String text, Set<String> into) {
        Matcher spec = OPTION_SPEC.matcher(text);
        while (spec.find()) {
            Matcher part = PART.matcher(spec.group(1));
            while (part.find()) {
                into.add(part.group().toLowerCase(Locale.ROOT));
            }
        }
        for (String line : text.split("\n")) {
            // a lone word in brackets is an option's placeholder only beside an option: "Name <e-mail>" in a
            // letter template or a link "[e-mail](mailto:…)" leaves the prose word "e-mail" a term like any other
            boolean besideAnOption = OPTION.matcher(line).find();
            Matcher bracket = BRACKETED.matcher(line);
            while (bracket.find()) {
                collectBracketed(bracket.group(1), besideAnOption, into);
            }
            Matcher angled = ANGLED.matcher(line);
            while (besideAnOption && angled.find()) {
                into.add(angled.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * {@code [exit-code]}, {@code [-B bind_interface]}, {@code [ "~" word-size ]}: one placeholder alone, or placeholders
     * beside a flag or a quoted literal. Prose in brackets ("[see the notes below]") has neither and more words.
     */
    private static void collectBracketed(String content, boolean besideAnOption, Set<String> into) {
        Matcher part = SYNTAX_PART.matcher(content);
        Set<String> words = new HashSet<>();
        boolean marked = false;
        int at = 0;
        while (at < content.length() && part.region(at, content.length()).lookingAt() && part.end() > at) {
            marked |= part.group(1) != null || part.group(2) != null;
            if (part.group(3) != null) {
                words.add(part.group(3).toLowerCase(Locale.ROOT));
            }
            at = part.end();
        }
        if (at == content.length() && (marked && words.size() <= 3 || besideAnOption && !marked && words.size() == 1
                && content.strip().length() == content.length())) {
            into.addAll(words);
        }
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
