package dev.docannotator.analysis.checks;

import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Capitalised words whose capital belongs to where they stand, not to the word, for the terms check's case variants:
 * a word of a proper name written in capitals word by word ("the File Transfer Protocol", "The Open Group Technical
 * Standard", "the Message Catalog Developer Documentation") and a value given after an equals sign ({@code
 * comm=Command}, a column header that ps is told to print), and the first word of an option's description after the
 * protocols it applies to ("(HTTP) Connect through …", a sentence start). None is a spelling of the common word
 * ("file", "group", "command") nor of the word in capitals (FILE, GROUP, COMMAND, the HTTP method CONNECT).
 */
final class CapitalisedInPlace {
    /** A capitalised word right after this one: the next word of a name. */
    private static final Pattern NEXT_CAPITALISED = Pattern.compile("[ \\t]+\\p{Lu}\\p{Ll}+\\b");
    /** A capitalised word right before this one. */
    private static final Pattern PREVIOUS_CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}_-])\\p{Lu}\\p{Ll}+[ \\t]+$");
    /** "(HTTP) Connect through …", "(SFTP SCP) Pass a string": the protocols an option's description opens with. */
    private static final Pattern AFTER_A_TAG_IN_CAPITALS = Pattern.compile("\\([A-Z][A-Z0-9 /]*\\)[ \\t]+$");

    private CapitalisedInPlace() {
    }

    /**
     * Whether the capitalised word at {@code start..end} is in a name or a value. A capitalised word before it counts
     * only when that word does not open a sentence ("The Message is …" is no name); {@code sentenceStart} tells.
     */
    static boolean inPlace(String text, int start, int end, IntPredicate sentenceStart) {
        if (start > 0 && text.charAt(start - 1) == '=') {
            return true; // comm=Command: the header named
        }
        if (AFTER_A_TAG_IN_CAPITALS.matcher(text).region(Math.max(0, start - 30), start).find()) {
            return true; // "(HTTP) Connect through": the description's first word, a sentence start
        }
        if (NEXT_CAPITALISED.matcher(text).region(end, text.length()).lookingAt()) {
            return true;
        }
        var before = PREVIOUS_CAPITALISED.matcher(text).region(Math.max(0, start - 30), start);
        return before.find() && !sentenceStart.test(before.start());
    }
}
