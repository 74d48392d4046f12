package dev.docannotator.analysis.checks;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lower-case placeholders a manual page gives its options ({@code --timeout=seconds}, {@code --password[=password]},
 * an option list's head {@code --status-file file} or {@code -o file, --old-file=file}). A manual page rendered as
 * plain text loses the italics that set a placeholder apart, so its description reads "written to file file" or "the
 * timeout to seconds seconds": the noun and then the placeholder, not a doubled word.
 */
final class OptionMetavariables {
    /** {@code --timeout=seconds}, {@code --password[=password]}: a value joined to its option, anywhere in the text. */
    private static final Pattern JOINED = Pattern.compile(
            "(?<![^\\s(\\[,|])--?[A-Za-z0-9][A-Za-z0-9_-]*(?:=|\\[=)([a-z][a-z0-9-]*)(?![A-Za-z0-9_])");
    /**
     * {@code --status-file file}, {@code -o file, --old-file=file}: an option list's head, at the start of a line
     * (after other options of the same item), its placeholder ending the head: at the line's end, before a comma,
     * a bracket, an ellipsis or the description's column. In a sentence ("use -v to enable it") the word after an
     * option is the sentence's next word, and the head pattern does not take it.
     */
    private static final Pattern HEAD = Pattern.compile(
            "(?m)^[ \\t]*+(?:--?[A-Za-z0-9][A-Za-z0-9_-]*+(?:[= ][^\\s,]++)?,[ \\t]*+)*+"
                    + "--?[A-Za-z0-9][A-Za-z0-9_-]* ([a-z][a-z0-9-]*)(?=,|\\]|\\.\\.\\.|[ \\t]*\\r?$|[ \\t]{2,})");

    /**
     * Words a justified line can put right after an option ("-r is  implied", "--prefix the …") that are never a
     * placeholder's name: a doubled "is is" or "the the" stays a slip.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "to",
            "of", "and", "or", "in", "on", "for", "it", "as", "by", "at", "with", "not", "no", "if", "this", "that");

    private OptionMetavariables() {
    }

    /** The placeholders of {@code text}'s options, in lower case. */
    static Set<String> of(String text) {
        Set<String> found = new HashSet<>();
        collect(JOINED.matcher(text), found);
        collect(HEAD.matcher(text), found);
        found.removeAll(FUNCTION_WORDS);
        return Set.copyOf(found);
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1).toLowerCase(Locale.ROOT));
        }
    }
}
