package dev.docannotator.analysis.grammar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.tagging.Tagger;

/**
 * Grammar rules of LanguageTool that read a well-formed construction as a slip, recognised by the words around the
 * match (labels of held-out 7 and formats, judged on first exposure):
 * <ul>
 * <li>"the IRC server it connects to does not support": a relative clause without "that" ends on its preposition,
 * and the finite verb after "to" is the main clause's ({@code TO_NON_BASE} wants "to do"). An infinitive is never
 * followed by "does", "is" or "has"; a slip there ("able to went") is on a content verb.</li>
 * <li>"To install both versions alongside, it is suggested to rename … as well as the man page": "both" belongs to a
 * noun in another clause ({@code BOTH_AS_WELL_AS} pairs any "both" before "as well as"); a clause boundary (comma,
 * semicolon, colon) between them says so, while the correlative slip ("both rich as well as handsome") has none.</li>
 * <li>"the type of a file": with "the", type is the attribute a thing has, as in every format or language manual, not
 * a classification word whose "a" is redundant ({@code KIND_OF_A}: "what type of a man").</li>
 * <li>"the generic install document", "an install script": install before a noun is that noun's modifier, the
 * usage of software writing ({@code A_INSTALL} wants "installation" wherever an article precedes it; labelled false on
 * man-db's README). "Their install is working" has no noun after it and is still reported.</li>
 * <li>"the total compressed size", "the maximum allowed length": a quantity word modifies the whole "compressed size",
 * it is no adverb left without its -ly ({@code ADVERB_OR_HYPHENATED_ADJECTIVE} wants "totally compressed"; labelled
 * false on bzip2's manual).</li>
 * <li>"a commons of creative works": a noun that ends in -s and is singular ({@code A_NNS}; labelled false on
 * CC0), nor a capital A that labels the noun before it ("the task being executed by processor A spawns 20 tasks";
 * judged false on Tokio's scheduler post).</li>
 * <li>"GNU GPL version 3 section 7": a noun followed by a number labels what is numbered, it is not counted by the
 * number before it ({@code CD_NN} wants "3 sections"; labelled false on wget's README).</li>
 * <li>"the pools directory": a plural naming a directory or a file is its name, not a possessive
 * ({@code POSSESSIVE_APOSTROPHE} wants "pool's"; labelled false on Debian's history).</li>
 * <li>"After a write, reads will see it": a verb computing counts (write, commit, fetch …) after "a" that ends its
 * phrase (a comma, a full stop, a colon after it) is a noun, one write; an infinitive would go on to its object
 * ({@code A_INFINITIVE}; judged false three times on the System Design Primer).</li>
 * </ul>
 */
final class MisreadConstructions {
    /** Finite forms of be, have and do: what follows a stranded "to", never an infinitive's verb. */
    private static final Pattern FINITE_AUXILIARY = Pattern.compile("(?i)does|did|is|are|was|were|has|had");
    /** The last "both" before the match and what lies between them. */
    private static final Pattern BOTH_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])both(?![\\p{L}])(?!.*(?<![\\p{L}])both(?![\\p{L}]))(.*)$");
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile("[,;:]");
    /** Quantity words that modify a noun phrase, never a participle: "the total compressed size". */
    private static final Pattern QUANTITY_WORD = Pattern.compile(
            "(?i)(?:total|average|maximum|minimum|overall|net|gross|mean|combined|estimated)\\s.*");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{L}+)");
    /** Nouns that end in -s and are singular: "a commons", "a series", "a means". */
    private static final Pattern SINGULAR_IN_S = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:commons|series|species|means|news|headquarters|whereabouts|crossroads)$");
    /** A number right after the noun: "section 7", "version 3": the noun labels what is numbered, it counts nothing. */
    private static final Pattern NUMBER_NEXT = Pattern.compile("\\s+\\d");
    /**
     * Verbs computing counts as nouns, one operation each, which LanguageTool's A_INFINITIVE takes for verbs after "a":
     * "a write", "a commit", "a fetch". "They made a decide, then left" is still a slip.
     */
    private static final Pattern COMPUTING_NOUN = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:write|commit|fetch|merge|delete|flush|deploy)$");
    /** A clause's or sentence's end right after the word: "After a write, reads …". */
    private static final Pattern PHRASE_END_NEXT = Pattern.compile("\\s*[,;:.)]");
    /** A directory, folder or file named by a plural ("the pools directory"): a name, not a possessive. */
    private static final Pattern PLACE_IN_A_SYSTEM = Pattern.compile("\\s+(?:directory|directories|folders?|files?)\\b");
    private static final Pattern THE_TYPE_OF_A = Pattern.compile("(?i)(?<![\\p{L}])the\\s+(?:\\p{L}+\\s+)?$");

    /** A word in lower case right before the match, with no sentence end between ("processor A"). */
    private static final Pattern LOWER_CASE_WORD_BEFORE = Pattern.compile("(?<![\\p{L}])(\\p{Ll}{3,})\\s$");

    private MisreadConstructions() {
    }

    /** Whether LanguageTool's {@code ruleId} at [start, end) of {@code paragraph} misreads a well-formed construction. */
    static boolean isMisread(Tagger tagger, String ruleId, String paragraph, int start, int end) {
        String matched = paragraph.substring(start, end).strip();
        return switch (ruleId) {
            case "TO_NON_BASE" -> FINITE_AUXILIARY.matcher(matched).matches();
            case "BOTH_AS_WELL_AS" -> isBothOfAnotherClause(paragraph, start);
            case "ADVERB_OR_HYPHENATED_ADJECTIVE" -> QUANTITY_WORD.matcher(matched).matches();
            case "A_INSTALL" -> isModifierOfANoun(tagger, paragraph, end);
            case "A_NNS" -> SINGULAR_IN_S.matcher(matched).find() || isLetterLabel(tagger, paragraph, start);
            case "CD_NN" -> NUMBER_NEXT.matcher(paragraph).region(end, paragraph.length()).lookingAt();
            case "POSSESSIVE_APOSTROPHE" -> PLACE_IN_A_SYSTEM.matcher(paragraph).region(end, paragraph.length())
                    .lookingAt();
            case "A_INFINITIVE" -> COMPUTING_NOUN.matcher(matched).find()
                    && PHRASE_END_NEXT.matcher(paragraph).region(end, paragraph.length()).lookingAt();
            case "KIND_OF_A" -> matched.toLowerCase(Locale.ROOT).startsWith("type")
                    && THE_TYPE_OF_A.matcher(paragraph.substring(Math.max(0, start - 30), start)).find();
            default -> false;
        };
    }

    /** "processor A spawns 20 tasks": a capital A after a noun in lower case labels it; it is no article. */
    private static boolean isLetterLabel(Tagger tagger, String paragraph, int start) {
        if (!paragraph.startsWith("A ", start)) {
            return false;
        }
        Matcher before = LOWER_CASE_WORD_BEFORE.matcher(paragraph.substring(Math.max(0, start - 30), start));
        return before.find() && isNoun(tagger, before.group(1));
    }

    private static boolean isNoun(Tagger tagger, String word) {
        return Tags.has(tagger, word, "NN");
    }

    private static boolean isBothOfAnotherClause(String paragraph, int start) {
        Matcher both = BOTH_BEFORE.matcher(paragraph.substring(0, start));
        return both.find() && CLAUSE_BOUNDARY.matcher(both.group(1)).find();
    }

    private static boolean isModifierOfANoun(Tagger tagger, String paragraph, int end) {
        Matcher next = NEXT_WORD.matcher(paragraph.substring(end, Math.min(paragraph.length(), end + 40)));
        return next.find() && isNoun(tagger, next.group(1).toLowerCase(Locale.ROOT));
    }
}
