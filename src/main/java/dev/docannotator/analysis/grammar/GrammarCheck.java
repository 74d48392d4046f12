package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.EnglishVariant;
import dev.docannotator.analysis.GrammarScope;
import dev.docannotator.analysis.checks.BlockCheck;
import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.analysis.checks.Severity;
import dev.docannotator.analysis.text.EnglishTagging;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.analysis.text.Quotations;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.RuleMatch;
import org.languagetool.tagging.Tagger;

/**
 * English grammar and spelling with LanguageTool, on the whole paragraph (a line break inside a block is read as a
 * space, so a wrapped sentence is one sentence). The session hands it a huge block one window at a time, cut at
 * sentence boundaries. Blocks that are mainly Chinese are skipped. What it leaves out, so that what it reports is worth
 * reading: matches on code, URLs and paths (masked); rules outside the categories of slips ({@link ReportedRules}:
 * style, punctuation, casing and typography opinions); a grammar rule's guess at an option's value ("Default is seek"
 * in a manual with {@code --seek}); a hyphenated compound only closed up ("auto-configures"); spelling of code-like
 * tokens and of names the document itself uses (capitalised and recurring); doubled words when the repeated-words
 * check runs; a space before a comma or bracket in an inline formula or a padded call ({@link FormulaOrCallSpacing});
 * a well-formed construction a rule misreads ("the server it connects to does not", {@link MisreadConstructions}).
 * Unknown words are reported only when they look like a slip on a known word ({@link TypoShape}); misspellings and
 * grammar are warnings, style and typography info. Asked for with everything else, it does not read manual pages and
 * READMEs ({@link GenreRules}).
 */
public final class GrammarCheck implements BlockCheck {
    private static final Set<String> REPEAT_RULES = Set.of("ENGLISH_WORD_REPEAT_RULE");
    /** "Did you mean a possessive?" on a plural: on a name or a keyword ("the Ciphers keyword") it is neither. */
    private static final Set<String> POSSESSIVE_RULES = Set.of("POSSESSIVE_APOSTROPHE");
    private static final Pattern LAID_OUT = Pattern.compile("\\n| {2,}|\\t");
    /**
     * A Markdown link, "[its contributing guide](https://…)", "[research plan]({{ site.baseurl }}/…)": its brackets are
     * syntax, not the author's text.
     */
    private static final Pattern MARKDOWN_LINK = Pattern.compile(
            "\\[[^\\[\\]\\n]++\\](?=" + ProseMask.LINK_DESTINATION + ")");
    /** A placeholder's plural, {@code LETTERs}, {@code FILEs}: the manual's own notation, not a misspelling. */
    private static final Pattern CAPITALS_PLURAL = Pattern.compile("[A-Z]{2,}s");
    /**
     * A label before an address, not a sentence: "General help using GNU software: &lt;https://…&gt;", "Report bugs to:
     * bug-diffutils@gnu.org" — the words up to a colon after which only masked text (a URL, an address, a path) ends
     * the block.
     */
    private static final Pattern LABEL_LINE = Pattern.compile(
            "(?:[^.!?:\\n]{1,80}:[\\s" + ProseMask.MASK + "<>]*)+");
    /**
     * The same label as one sentence of a longer paragraph: "GNU sed home page: &lt;https://…&gt;.  General help using
     * GNU software: &lt;https://…&gt;." in a manual's footer. From a sentence's start to a colon, then only an
     * address (masked) and the sentence's end.
     */
    private static final Pattern LABEL_SENTENCE = Pattern.compile(
            "(?:^|(?<=[.!?][\\s>)]))[^.!?:" + ProseMask.MASK + "]{1,80}:[\\s<(]*" + ProseMask.MASK + "+[>)]*"
                    + "(?=[.!?]?(?:\\s|$))");
    /**
     * An exit-status list, "0 if the inputs are the same, 1 if different, 2 if trouble": a number and a clause cut
     * to its condition, the terse style of a manual's EXIT STATUS, not a verb left out.
     */
    private static final Pattern STATUS_CONDITION = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+\\s+if\\s+(?:\\p{L}+\\s+)?$");
    /** A manual page reference right after a word: {@code tr(1)}, {@code mandb(8)}: the word is a command's name. */
    private static final Pattern MANUAL_REFERENCE = Pattern.compile("\\([1-9][a-z]?\\)");
    /** A single character in quotes, {@code ' '}, {@code ','}, {@code '\n'}: the character itself is the point. */
    private static final Pattern QUOTED_CHARACTER = Pattern.compile("'\\\\?[^'\\n]'|\"\\\\?[^\"\\n]\"|‘\\\\?.’|“\\\\?.”");
    /**
     * Words joined by backslash-escaped spaces: a shell-quoted string or a format such as less(1)'s prompt
     * ({@code \ Manual\ page\ \$MAN_PN\ ?ltline\ %lt?L/%L.:}), code and not sentences.
     */
    private static final Pattern ESCAPED_SPACES = Pattern.compile("\\S*(?:\\\\ \\S*)+");
    /** A preposition or article before a lone dot: the dot is what it names ("starting with .", "implied ."). */
    private static final Pattern WORD_BEFORE_A_NAMED_DOT = Pattern.compile(
            "(?<![\\p{L}])(?:with|of|to|for|from|by|as|in|the|a|named|called|implied)\\s*$", Pattern.CASE_INSENSITIVE);
    /** Where a sentence ends, so a capitalised word after it is a sentence start, not a name. */
    private static final Pattern SENTENCE_END_BEFORE = Pattern.compile("(?:^|[.!?:;]['\"”’)]*)\\s*$");
    /**
     * An initial, "J. " of "J. Schlyter and W. Griffin": its dot ends no sentence, the word after it is a surname. An
     * initial is where a name starts (after punctuation, "and", "by", another initial), not after a word: the "B." of
     * "Plan B. Teh results" ends a sentence.
     */
    private static final Pattern INITIAL_BEFORE = Pattern.compile(
            "(?:^\\s*|[^\\p{L}\\s.]\\s*|(?<!\\p{L})(?:and|by|with|of|from)\\s+|(?<![\\p{L}.])\\p{Lu}\\.\\s*)\\p{Lu}\\.\\s+$");
    /** snake_case, dotted.names, CamelCase with a capital inside, words with digits: identifiers, not misspellings. */
    private static final Pattern CODE_LIKE = Pattern.compile(".*(?:[_.\\d/\\\\]|[a-z][A-Z]).*");
    /** A word in capitals: a manual's placeholder ({@code each COLS}, {@code FILEs}) whose grammar LanguageTool guesses. */
    private static final Pattern CAPITALS_WORD = Pattern.compile("\\b[A-Z]{2,}s?\\b");
    /** A given name and a surname, then an opening parenthesis: what a handle in parentheses follows. */
    private static final Pattern NAME_BEFORE_PARENTHESIS = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)+ \\($");
    /** A quotation this short is a term the text cites or defines ("Knowingly relying" means …), not its own phrasing. */
    private static final int QUOTED_TERM_WORDS = 5;

    private final LanguageToolPool pool;
    private final EnglishVariant variant;
    private final boolean repeatsReportedElsewhere;
    private final boolean variantNamed;
    private final GrammarScope scope;
    private volatile DocumentNames names;

    /**
     * {@code repeatsReportedElsewhere}: the repeated-words check runs too, so a doubled word is reported once, by it.
     * {@code variantNamed}: the requirement named the English ("in British English"), so a word in another English's
     * spelling is reported; otherwise "Initialise" in a README written in British English is the author's English,
     * not a slip, and only real slips are. {@code scope}: whether grammar was named ({@link GrammarScope#ALL}) or came
     * with everything else ({@link GrammarScope#BY_GENRE}: {@link GenreRules}).
     */
    public GrammarCheck(LanguageToolPool pool, EnglishVariant variant, boolean repeatsReportedElsewhere,
                        boolean variantNamed, GrammarScope scope) {
        this.pool = pool;
        this.variant = variant;
        this.repeatsReportedElsewhere = repeatsReportedElsewhere;
        this.variantNamed = variantNamed;
        this.scope = scope;
    }

    @Override
    public Check check() {
        return Check.GRAMMAR;
    }

    /** LanguageTool reads the text as written; masked spans are dropped from its matches instead. */
    @Override
    public boolean readsMasked() {
        return false;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        if (text.isBlank() || Scripts.mainlyChinese(text) || Scripts.latinLetterCount(text) == 0
                || !GenreRules.reads(scope, out.facts().genre())) {
            return; // asked for with everything else, grammar does not read documentation: GenreRules
        }
        ProseMask.Masked masked = ProseMask.mask(text);
        boolean laidOut = LAID_OUT.matcher(text).find();
        // same length: offsets of the paragraph are offsets of the block
        String paragraph = withoutLinkBrackets(text.replace('\n', ' ').replace('\r', ' '));
        DocumentNames known = names(out);
        JLanguageTool tool = pool.forCurrentThread(variant);
        List<RuleMatch> matches = check(tool, paragraph);
        boolean listOfNames = isListOfNames(paragraph, matches);
        boolean legal = out.facts().genre() == Genre.LEGAL;
        List<Span> quoted = Quotations.find(text);
        boolean labelLine = !masked.hidden().isEmpty() && LABEL_LINE.matcher(masked.text()).matches();
        // scanned on the first match that gets this far: most paragraphs have no LanguageTool match at all
        LazySpans escaped = new LazySpans(ESCAPED_SPACES, paragraph);
        LazySpans labels = new LazySpans(LABEL_SENTENCE, masked.text());
        LazySpans quotedCharacters = new LazySpans(QUOTED_CHARACTER, paragraph);
        for (RuleMatch match : matches) {
            int start = Math.max(0, match.getFromPos());
            int end = Math.min(paragraph.length(), match.getToPos());
            String rule = match.getRule().getId();
            if (end <= start || masked.overlapsHidden(start, end)
                    || touchesLinkBracket(text, paragraph, start, end, isLayoutRule(match.getRule()))
                    || !ReportedRules.reports(match.getRule(), paragraph.substring(start, end), variantNamed, laidOut)
                    || scope != GrammarScope.ALL && ReportedRules.isMostlyMisread(rule)
                    || repeatsReportedElsewhere && REPEAT_RULES.contains(rule)
                    || listOfNames || labelLine || isDotNotFullStop(paragraph, start, end) || escaped.overlap(start, end)
                    || labels.overlap(start, end) || quotedCharacters.overlap(start, end)
                    || MANUAL_REFERENCE.matcher(paragraph).region(end, paragraph.length()).lookingAt()
                    || ReportedRules.isSpaceAfterAnAddress(rule, masked.hidden(), paragraph, start)
                    || FormulaOrCallSpacing.isFormulaOrCall(rule, paragraph, start, end)
                    || NounVerbPair.isAmbiguous(EnglishTagging.tagger(), rule, paragraph, start, end)
                    || MisreadConstructions.isMisread(EnglishTagging.tagger(), rule, paragraph, start, end)) {
                continue;
            }
            boolean spelling = isSpelling(match);
            String word = text.substring(start, end);
            if (isInSlashedName(paragraph, start, end) && isRestyling(word, match.getSuggestedReplacements())) {
                continue; // "the nodejs/node repository": the path's spelling, not a slip for "Node.js"
            }
            if (spelling && isHandleAfterName(paragraph, start, end)) {
                continue; // "Jens Schmalzing (jensen)": the person's login, not a misspelt word
            }
            if (ReportedRules.isHouseStyleCompound(word, match.getSuggestedReplacements())) {
                continue; // "auto-configures" or "autoconfigures": the house's choice, not a slip
            }
            if (OpenForms.isRightAsWritten(EnglishTagging.tagger(), paragraph, start, end,
                    match.getSuggestedReplacements())) {
                continue; // "is well supported yet", "any one entity": the open form is right where it stands
            }
            if ((spelling || POSSESSIVE_RULES.contains(rule))
                    && (CAPITALS_PLURAL.matcher(word).matches() || isNameInSentence(text, start, word))) {
                continue; // "the Ciphers keyword": a capitalised word inside a sentence is a name, not a plural
            }
            if (!spelling && (CAPITALS_WORD.matcher(word).find() || inQuotedTerm(text, quoted, start, end)
                    || legal && match.getRule().getLocQualityIssueType() != ITSIssueType.Grammar
                    || known.isKeyword(word) || ReportedRules.isLimitIdiom(rule, paragraph, start)
                    || isStatusCondition(paragraph, start))) {
                // a placeholder's grammar is a guess, and so is an option value's ("Default is seek", --seek); a cited
                // term is not the author's phrasing; a licence's or a regulation's wording ("the subject matter
                // hereof") is fixed, so style advice there is noise
                continue;
            }
            if (spelling && (CODE_LIKE.matcher(word).matches() || known.isName(word))
                    || match.getRule().isDictionaryBasedSpellingRule()
                    && (hasAKnownWord(EnglishTagging.tagger(), known, word)
                            || isBuiltOfNames(EnglishTagging.tagger(), known, word)
                            || RegularDerivation.isDerived(EnglishTagging.tagger(), word))) {
                continue;
            }
            if (match.getRule().isDictionaryBasedSpellingRule()
                    && !TypoShape.isSlip(word, match.getSuggestedReplacements(), variantNamed)) {
                continue; // a command, a library or a name, not a slip of the fingers
            }
            if (GenreRules.isCountableInComputing(out.facts().genre(), match.getRule(), word)) {
                continue;
            }
            List<String> replacements = match.getSuggestedReplacements();
            String suggestion = replacements.isEmpty() ? null : replacements.get(0);
            Severity severity = severity(match, spelling, word);
            // LanguageTool writes English; a Chinese reader gets the kind of problem in Chinese before its text.
            String key = spelling ? "grammar.spelling"
                    : match.getRule().getLocQualityIssueType() == ITSIssueType.Grammar ? "grammar.grammar"
                    : "grammar.style";
            out.add(block, start, end, Check.GRAMMAR, severity, out.message(key, message(match)), suggestion,
                    "grammar/" + rule);
        }
    }

    /**
     * {@code paragraph} with the brackets of its Markdown links blanked (same length): LanguageTool reads an opening
     * bracket as the start of a phrase, so "starts [its contributing guide](…)" became "It's" (the Open Source Guide).
     */
    static String withoutLinkBrackets(String paragraph) {
        Matcher m = MARKDOWN_LINK.matcher(paragraph);
        if (!m.find()) {
            return paragraph;
        }
        char[] chars = paragraph.toCharArray();
        do {
            chars[m.start()] = ' ';
            chars[m.end() - 1] = ' ';
        } while (m.find());
        return new String(chars);
    }

    /** Whitespace and typography: what a blanked bracket can set off ("“[Go at Google](…)”" read as a space after “). */
    private static boolean isLayoutRule(org.languagetool.rules.Rule rule) {
        ITSIssueType type = rule.getLocQualityIssueType();
        return type == ITSIssueType.Whitespace || type == ITSIssueType.Typographical;
    }

    /**
     * Whether a match rests on a bracket {@link #withoutLinkBrackets} blanked: a space there is not the author's. A
     * layout rule's match anywhere on one; another rule's only at its edges, where LanguageTool took the blank for the
     * space before or after a word ("[Round robin"); a slip across a link's edge inside the match is still reported.
     */
    private static boolean touchesLinkBracket(String text, String paragraph, int start, int end, boolean layout) {
        for (int i = start; i < end; i++) {
            boolean edge = i == start || i == end - 1;
            if ((layout || edge) && paragraph.charAt(i) == ' ' && (text.charAt(i) == '[' || text.charAt(i) == ']')) {
                return true;
            }
        }
        return false;
    }

    /**
     * LanguageTool's "space before a full stop" on a dot that is not one: a file extension or a dotfile (" .z files",
     * " .gz"), or a dot standing as a word ("entries starting with .", "implied . and .."), which a manual names as
     * the current directory. A misplaced full stop ends its sentence: what follows is the end, or a capital, and what
     * comes before is not a preposition or an article.
     */
    static boolean isDotNotFullStop(String paragraph, int start, int end) {
        if (!paragraph.substring(start, end).strip().equals(".")) {
            return false;
        }
        if (WORD_BEFORE_A_NAMED_DOT.matcher(paragraph.substring(Math.max(0, start - 12), start)).find()) {
            return true; // "entries starting with .": a sentence does not end on "with" or "the"
        }
        if (end >= paragraph.length()) {
            return false;
        }
        if (Character.isLetterOrDigit(paragraph.charAt(end))) {
            return true;
        }
        int next = end;
        while (next < paragraph.length() && Character.isWhitespace(paragraph.charAt(next))) {
            next++;
        }
        return next > end && next < paragraph.length() && !Character.isUpperCase(paragraph.charAt(next))
                && "\"'“‘(".indexOf(paragraph.charAt(next)) < 0;
    }

    /**
     * A single word alone in parentheses right after a person's name, given name and surname capitalised: the
     * person's login or nickname ("Jens Schmalzing (jensen)", "Ian Murdock (imurdock)"), spelt as that person chose.
     * A handle is made of the name: it holds the first three letters of one of its words, which "Open Source
     * (sofware)" does not.
     */
    static boolean isHandleAfterName(String paragraph, int start, int end) {
        if (end >= paragraph.length() || paragraph.charAt(end) != ')') {
            return false;
        }
        Matcher name = NAME_BEFORE_PARENTHESIS.matcher(paragraph.substring(Math.max(0, start - 60), start));
        if (!name.find()) {
            return false;
        }
        String handle = paragraph.substring(start, end).toLowerCase(Locale.ROOT);
        for (String word : name.group().split("[ (-]+")) {
            if (word.length() >= 3 && handle.contains(word.substring(0, 3).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word joined by a slash to another on its side, as in a repository or a team ("the nodejs/node repository",
     * "@nodejs/collaborators"): where the suggestion only restyles it ({@link #isRestyling}), the path's spelling
     * stands. A slip beside a slash ("read/wirte") is still one.
     */
    static boolean isInSlashedName(String paragraph, int start, int end) {
        boolean slashBefore = start >= 2 && paragraph.charAt(start - 1) == '/'
                && Character.isLetterOrDigit(paragraph.charAt(start - 2));
        boolean slashAfter = end + 1 < paragraph.length() && paragraph.charAt(end) == '/'
                && Character.isLetterOrDigit(paragraph.charAt(end + 1));
        return slashBefore || slashAfter;
    }

    /** Whether the first suggestion is the word in other capitals or punctuation: {@code nodejs} → {@code Node.js}. */
    static boolean isRestyling(String word, List<String> suggestions) {
        return !suggestions.isEmpty() && lettersOf(suggestions.get(0)).equalsIgnoreCase(lettersOf(word));
    }

    private static String lettersOf(String s) {
        StringBuilder letters = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    /**
     * An unknown word with a capital inside a sentence ("Copyright 1993 Jean-loup Gailly", "thanks to Rik Faith") is a
     * name, and so is one after an initial ("J. Schlyter and W. Griffin, Using DNS …" in a reference list); a spelling
     * slip on a capitalised word is at a sentence's start, where the capital says nothing.
     */
    static boolean isNameInSentence(String text, int start, String word) {
        if (!Character.isUpperCase(word.charAt(0)) || word.chars().skip(1).noneMatch(Character::isLowerCase)) {
            return false;
        }
        String before = text.substring(Math.max(0, start - 40), start);
        return !SENTENCE_END_BEFORE.matcher(before).find() || INITIAL_BEFORE.matcher(before).find();
    }

    /**
     * The matches of a pattern in a block's text read as one paragraph (line breaks as spaces, so offsets stay the
     * block's), found on the first question: a paragraph no LanguageTool match gets this far in is never scanned.
     */
    private static final class LazySpans {
        private final Pattern pattern;
        private final String text;
        private List<Span> spans;

        LazySpans(Pattern pattern, String text) {
            this.pattern = pattern;
            this.text = text;
        }

        boolean overlap(int start, int end) {
            if (spans == null) {
                spans = new ArrayList<>();
                Matcher m = pattern.matcher(text.replace('\n', ' ').replace('\r', ' '));
                while (m.find()) {
                    spans.add(new Span(m.start(), m.end()));
                }
            }
            for (Span s : spans) {
                if (s.start() < end && start < s.end()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * "2 if trouble" in an exit-status list: the words before the match end in a number and "if". The look-behind
     * sees the text before the window (transparent bounds), so "…24 if" cut to "4 if" is not taken for a status.
     */
    private static boolean isStatusCondition(String paragraph, int start) {
        return STATUS_CONDITION.matcher(paragraph).region(Math.max(0, start - 24), start)
                .useTransparentBounds(true).find();
    }

    /**
     * Whether a spelling match over several words ("GNU sed", whose suggestion "GN Used" moves the space; "use
     * sftp") holds a dictionary word or a name the document uses. A slip of the space bar garbles both words ("th
     * ecat"), so when one of them is known the other is a name (a command, a program) the dictionary does not know.
     * The suggestion itself is not looked at: any multi-word match with a known word is dropped.
     */
    static boolean hasAKnownWord(Tagger tagger, DocumentNames known, String matched) {
        String[] words = matched.strip().split("\\s+");
        if (words.length < 2) {
            return false;
        }
        return Tags.of(tagger, List.of(words)).stream().anyMatch(r -> r.isTagged() || known.isName(r.getToken()));
    }

    /**
     * A hyphenated word built of the document's names, with English words beside them ("tokio-core" in a post about
     * Tokio, a crate; "man-db"): a package's name, each part known and one of them the document's, not a slip. A part
     * nobody knows ("tokoi-core") is still a slip.
     */
    static boolean isBuiltOfNames(Tagger tagger, DocumentNames known, String matched) {
        String word = matched.strip();
        if (word.indexOf('-') <= 0 || word.endsWith("-")) {
            return false;
        }
        List<AnalyzedTokenReadings> parts = Tags.of(tagger, List.of(word.split("-")));
        return parts.stream().allMatch(r -> r.isTagged() || known.isName(r.getToken()))
                && parts.stream().anyMatch(r -> known.isName(r.getToken()));
    }

    private static boolean inQuotedTerm(String text, List<Span> quoted, int start, int end) {
        for (Span q : quoted) {
            if (q.start() <= start && end <= q.end() && Words.countWords(q.of(text)) <= QUOTED_TERM_WORDS) {
                return true;
            }
        }
        return false;
    }

    private DocumentNames names(Findings out) {
        DocumentNames known = names;
        if (known == null || !known.isOf(out.text())) {
            known = DocumentNames.of(out.text(), out.facts().optionSyntax().keywords());
            names = known;
        }
        return known;
    }

    /**
     * A paragraph where six words or more, and a fifth of its words or more, are unknown to the dictionary is a list
     * of commands, options or names ("arch b2sum base32 basename chcon chgrp …"), not prose: LanguageTool's findings
     * there are dropped (its commands also trip word rules: {@code id}, {@code tr}).
     */
    private static boolean isListOfNames(String paragraph, List<RuleMatch> matches) {
        long unknown = matches.stream().filter(GrammarCheck::isSpelling).count();
        return unknown >= 6 && unknown * 5 >= Words.countWords(paragraph);
    }

    private static List<RuleMatch> check(JLanguageTool tool, String paragraph) {
        try {
            return tool.check(paragraph);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not check a paragraph", e);
        }
    }

    private static boolean isSpelling(RuleMatch match) {
        return match.getRule().isDictionaryBasedSpellingRule()
                || match.getRule().getLocQualityIssueType() == ITSIssueType.Misspelling;
    }

    /**
     * A word the dictionary does not know is a warning, never an error: even one slip away from a known word it may be
     * a name or a term of the trade. Grammar is a warning, style and typography info.
     */
    private static Severity severity(RuleMatch match, boolean spelling, String word) {
        if (spelling || match.getRule().getLocQualityIssueType() == ITSIssueType.Grammar) {
            return Severity.WARNING;
        }
        return Severity.INFO;
    }

    /** LanguageTool marks suggested words with &lt;suggestion&gt; tags; show them as quotes instead. */
    static String message(RuleMatch match) {
        String message = match.getMessage() == null || match.getMessage().isBlank()
                ? match.getRule().getDescription() : match.getMessage();
        return message.replace("<suggestion>", "\u201c").replace("</suggestion>", "\u201d").strip();
    }
}
