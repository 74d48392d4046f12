package dev.docannotator.analysis.checks;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a manual page uses as names on a command line rather than as prose, for the terms check: the argument right
 * after an option ({@code curl --key keyfile}, {@code -T localfile}, {@code --output-file=logfile}), a long option's
 * name written without its dashes ("Using force-yes can …" beside {@code --force-yes}), a command's alias ("the
 * auto-clean alias"), and a literal in troff quotes ({@code ``future-default''}). Such a name is a different thing from
 * the words it is made of ("key file", "Force yes", "future default"), so it is no spelling of them. Names of a
 * configuration item ({@code APT::Get::Download-Only}) are left out by the check's token pattern (a {@code ::} joins them).
 */
final class CommandLineNames {
    /** "the auto-clean alias", "the autoremove command": the word names that command. */
    private static final Pattern NAMES_A_COMMAND = Pattern.compile("[ \\t]+(?:alias|aliases|command|subcommand)\\b");

    private static final Pattern AFTER_AN_ARTICLE = Pattern.compile("(?<![\\p{L}])(?i:an?)[ \t\n]+$");

    private CommandLineNames() {
    }

    /**
     * The word at {@code start} is the argument of the option right before it ({@code --key keyfile}, {@code -o
     * logfile}, {@code --output-file=logfile}): a placeholder or a value, not prose. Only a word in lower case, since an
     * item's description that follows its tag starts with a capital ("--reinstall Re-install packages").
     */
    static boolean isOptionArgument(String text, int start) {
        if (start < 3 || Character.isUpperCase(text.charAt(start)) || " \t=".indexOf(text.charAt(start - 1)) < 0) {
            return false;
        }
        int i = start - 2;
        while (i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
            i--;
        }
        int flag = i + 1;
        boolean dashed = flag + 1 < start - 1 && text.charAt(flag) == '-' && text.charAt(flag + 1) != '-'
                || flag + 2 < start - 1 && text.startsWith("--", flag) && text.charAt(flag + 2) != '-';
        int name = text.charAt(flag + 1) == '-' ? flag + 2 : flag + 1;
        return dashed && name < start - 1 && Character.isLetter(text.charAt(name))
                && (i < 0 || Character.isWhitespace(text.charAt(i)) || "[({".indexOf(text.charAt(i)) >= 0);
    }

    /**
     * "Using force-yes can …" beside {@code --force-yes}: a hyphenated word that is one of the document's long options
     * ({@code options}, {@link dev.docannotator.analysis.text.OptionSyntax#longOptions}) names that option. Not after
     * "a" or "an" ("a host-architecture can be specified with the --host-architecture option"): an option is no
     * countable thing, so there the word is the prose noun.
     */
    static boolean namesAnOption(String text, int start, String token, Set<String> options) {
        return token.indexOf('-') > 0 && options.contains(token.toLowerCase(Locale.ROOT))
                && !AFTER_AN_ARTICLE.matcher(text).region(Math.max(0, start - 4), start).find();
    }

    /**
     * "the auto-clean alias", "running the autoremove command": the word is a command's name. The pattern is tried
     * only where a blank and then a, c or s follow: a matcher for every token of the document cost the terms check
     * a tenth of its CPU.
     */
    static boolean namesACommand(String text, int end) {
        int next = end;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (next == end || next == text.length() || "acs".indexOf(text.charAt(next)) < 0) {
            return false;
        }
        return NAMES_A_COMMAND.matcher(text).region(end, text.length()).lookingAt();
    }

    /** {@code ``future-default''}: a literal in troff's quotes, which the quotation finder does not know. */
    static boolean isTroffQuoted(String text, int start, int end) {
        return start >= 2 && text.startsWith("``", start - 2) && text.startsWith("''", end);
    }
}
