package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.EnglishVariant;
import dev.docannotator.analysis.text.OptionSyntax;
import dev.docannotator.analysis.text.Quotations;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds one term spelled several ways in one document and flags the minority spellings, suggesting the
 * dominant one. English variants differ by hyphen, space or inner capitals (e-mail/email, log-in/login,
 * data base/database, JavaScript/Javascript); a capital at the start of a word part is not a variant (sentence
 * starts, titles), and all-capital words are left to the acronym check. Chinese variants come from a list of
 * known pairs (登录/登陆, 账号/帐号 …) because Chinese has no spelling to compare.
 * <p>Not spellings of a term: words inside quotation marks (a program's message quoted verbatim, "%s: file changed as
 * we read it"), a keyword that labels the quoted message after it ({@code file-changed "%s: file changed …"}), and a
 * block that is one word (a manual's item tag, {@code record-size} over the message it names), and a
 * name in its own capitals beside the same letters in lower case ({@code CMake} and the command {@code cmake},
 * {@code CTest}/{@code ctest}, the "Bourne Again SHell" and a shell). Part of a longer proper name or defined term
 * ("World Wide Web", "Front-Cover Texts") is compared only with other names, not with the common word ("world-wide",
 * "front cover"). Nor are a synopsis' placeholders where the synopsis writes them ({@link SyntaxNames}: "host port
 * hostport" of {@code -L [bind_address:]port:host:hostport}; their uses in prose are compared) and a markup element's
 * name, nor title case in a cited title ({@link CitedTitles}).
 */
public final class InconsistentTermsCheck implements DocumentCheck {
    /** The English the requirement asked for (or the server's): on a tie its spelling is the one kept. */
    private final EnglishVariant variant;
    /**
     * A word, possibly hyphenated; not part of a URL, e-mail address or path (github.com is not GitHub), nor of a name
     * that runs on into a number ({@code dbus-daemon-1}, a program, is not the words "dbus daemon" hyphenated), nor of
     * a scoped name ({@code APT::Get::Download-Only}, a configuration item, is not the words "download only").
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_\\-‑./@\\\\]|::)[A-Za-z]+(?:[-‑][A-Za-z]+)*"
                    + "(?![\\p{IsLatin}\\p{N}_]|[-‑][A-Za-z0-9]|[./@\\\\][A-Za-z0-9]|::)");
    /** Words that make legitimate two-word phrases next to their one-word forms (may be/maybe, log in/login). */
    private static final Set<String> PHRASE_WORDS = Set.of(
            "the", "and", "any", "some", "every", "may", "can", "not", "one", "out", "off", "for", "all", "how",
            "who", "what", "with", "over", "under", "back", "down", "time", "day", "body", "thing", "where", "way",
            "ever", "never", "wise", "self", "long", "more", "less", "there", "here", "your", "our", "them",
            "made", "work", "place", "side", "set", "top", "up", "along", "without", "within", "into", "onto");
    private static final int MIN_KEY_LENGTH = 4;
    /**
     * A lower-case word follows, on the same line or the next: "the -v command-line⏎option" is still a modifier. Not a
     * preposition, conjunction or verb: before "with", "and" or "are" the form is the noun itself ("existing
     * port-forwardings with -KL"), not a modifier of one; but "and" or "or" before another hyphenated modifier
     * suspends both ("worst-case and average-case compression time").
     */
    private static final Pattern BEFORE_A_WORD = Pattern.compile("(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)"
            + "(?!(?:with|of|in|on|to|for|from|by|at|as|than|that|which|is|are|was|were|be|been|can|could|may"
            + "|must|will|would|should|do|does|the|a|an)(?![a-z])|(?:and|or)[ \\t]+(?![a-z]+[-‑][a-z]))[a-z]");
    /** A word in capitals (3–10 letters) or capitalised, for the case variants. */
    private static final Pattern CASE_TOKEN = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_\\-./@])(?:[A-Z]{3,10}|[A-Z][a-z]{2,9})(?![\\p{IsLatin}\\p{N}_]|[-./@][A-Za-z0-9])");
    /** A word right before "directory" or 目录 names the directory, spelt as it is on disk. */
    private static final Pattern NAMES_A_DIRECTORY = Pattern.compile("[ \\t]*(?:directory|folder|目录|文件夹)");
    /** "a LICENSE file", "the NEWS files": a file named in capitals. */
    private static final Pattern NAMES_A_FILE = Pattern.compile("\\s+files?\\b");
    /** "see the file BUGS included with the source": the word "file" before a word in capitals names that file. */
    private static final Pattern AFTER_THE_WORD_FILE = Pattern.compile("\\bfile\\s+$");
    private static final Pattern CAPITAL_WORD_BEFORE = Pattern.compile("[A-Z]{2,}[\\s\"'”]*$");
    private static final Pattern CAPITAL_WORD_AFTER = Pattern.compile("[\\s\"'“]*[A-Z]{2,}(?![a-z])");
    /**
     * "`mandb`", "mandb(8)": a word the document writes as inline code or as a manual page reference is a program's
     * name, so it is not a spelling of a similar term ("mandb", the program, and "man-db", its package). So is a word
     * that a version requirement follows ("dbus >= 1.4.0" in a list of dependencies, beside the project "D-Bus").
     */
    static final Pattern PROGRAM_NAME = Pattern.compile(
            "`([A-Za-z][A-Za-z0-9_-]*)`|(?<![\\p{L}\\p{N}_-])([A-Za-z][A-Za-z0-9_-]*)\\([1-9][a-z]?\\)"
                    + "|(?<![\\p{L}\\p{N}_-])([A-Za-z][A-Za-z0-9_-]*)[ \\t]*(?:>=|<=|==|≥|≤|<|>)[ \\t]*\\d");
    private static final List<List<String>> CHINESE_VARIANTS = List.of(
            List.of("登录", "登陆"), List.of("账号", "帐号"), List.of("账户", "帐户"), List.of("其他", "其它"),
            List.of("作为", "做为"), List.of("唯一", "惟一"), List.of("图像", "图象"), List.of("部署", "布署"),
            List.of("截图", "截屏"), List.of("文件夹", "文件夾"));

    /**
     * One use of a form; {@code beforeAWord}: a lower-case word follows it ("command-line option"); {@code inName}: it
     * is part of a longer proper name or defined term ("World Wide Web", "Front-Cover Texts").
     */
    private record Occurrence(TextBlock block, int start, int end, String original, boolean beforeAWord,
                              boolean inName) {
        Occurrence(TextBlock block, int start, int end, String original) {
            this(block, start, end, original, false, false);
        }
    }

    /** An abbreviation in brackets right after a word: " (NHGs)", " (String)". */
    private static final Pattern FOLLOWED_BY_ITS_ABBREVIATION = Pattern.compile("[ \\t]*\\(\\p{Lu}[\\p{L}]{1,9}\\)");
    /** An abbreviation in brackets before the sentence ends: " Non-nested hysteresis-Gaps (String)". */
    private static final Pattern ABBREVIATION_LATER_IN_SENTENCE = Pattern.compile("[^.;:!?()]*\\(\\p{Lu}[\\p{L}]{1,9}\\)");
    /** A capitalised word after a space or a line break: the next part of a name ("World Wide" → "Web"). */
    private static final Pattern CAPITALISED_WORD_AFTER = Pattern.compile("[ \t]*\r?\n?[ \t]*[A-Z][a-z]");
    /**
     * A capitalised word right before, within the same clause ("Linux " before "Filesystem"); not a function word
     * that only opens the sentence ("The Filesystem Team").
     */
    private static final Pattern CAPITALISED_WORD_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?!(?:The|A|An|In|On|At|For|Of|To|And|Or|By|With|From|This|That|These|Those|Our|Your|Their|Its"
                    + "|His|Her|My|We|It|If|When)[ \t\r\n])[A-Z][a-z]+[ \t]*\r?\n?[ \t]*$");
    /** The key prefix of a name's parts: a name is compared with names, a common word with common words. */
    private static final String NAME = "name_";

    /** Keeps American spelling on a tie, as the default requirement does. */
    public InconsistentTermsCheck() {
        this(EnglishVariant.AMERICAN);
    }

    public InconsistentTermsCheck(EnglishVariant variant) {
        this.variant = variant;
    }

    @Override
    public Check check() {
        return Check.INCONSISTENT_TERMS;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        Map<String, Map<String, List<Occurrence>>> byKey = new LinkedHashMap<>();
        List<Occurrence> pairs = new ArrayList<>();
        Set<String> singleKeys = new HashSet<>();
        List<BlockText> blocks = BlockText.of(out.facts(), Kinds.WORDS);
        // a document repeats its words: each distinct form is folded to its spelling key once
        Map<String, String> keys = new HashMap<>();
        // from the text as written: the mask hides options
        Set<String> options = out.facts().optionSyntax().longOptions();
        for (BlockText b : blocks) {
            collectTokens(b.block(), b.text(), text.blockText(b.block()), options, byKey, pairs, singleKeys, keys);
        }
        for (Occurrence pair : pairs) {
            String key = (pair.inName() ? NAME : "") + key(pair.original(), keys);
            // tagging is asked only of the few pairs that match a one-word form: every adjacent pair is a lot
            if (singleKeys.contains(key) && !isNameAndHandle(pair.original(), byKey.get(key))
                    && !startsWithAnAdjective(pair.original())) {
                String form = pair.original().toLowerCase(Locale.ROOT);
                byKey.get(key).computeIfAbsent(form, f -> new ArrayList<>()).add(pair);
            }
        }
        OptionSyntax syntax = out.facts().optionSyntax();
        Set<String> operands = SyntaxNames.placeholderNames(syntax.operands(), syntax.placeholders());
        Set<String> fields = new HashSet<>(syntax.placeholders());
        fields.removeAll(syntax.operands());
        // "-L [bind_address:]port:host:hostport", "[ "~" word-size ]": the prose that repeats a field's name names it
        Set<String> programs = programNames(text);
        programs.addAll(SyntaxNames.placeholderNames(fields, syntax.placeholders()));
        // "-i patchfile", "[originalfile [patchfile]]": an option's value or a synopsis' operand
        Set<String> syntaxWords = new HashSet<>(syntax.metavariables());
        syntaxWords.addAll(syntax.operands());
        Set<String> coined = SyntaxNames.coinedMetavariables(syntaxWords);
        operands.removeAll(programs);
        for (Map.Entry<String, Map<String, List<Occurrence>>> entry : byKey.entrySet()) {
            Map<String, List<Occurrence>> forms = entry.getValue();
            if (namesAProgram(forms, programs)) {
                continue;
            }
            if (namesAProgram(forms, coined)) {
                // "-i patchfile  or  --input=patchfile": a closed word the dictionary lacks, coined as an option's value,
                // names that value wherever the prose writes it ("Read the patch from patchfile"); the other forms
                // ("a patch file", "a patch-file") are still compared with each other
                forms = withoutForms(forms, coined);
            }
            if (namesAProgram(forms, operands)) {
                // "[starting-point...]" in find's synopsis beside "starting point" and "starting-point" in its prose:
                // the synopsis' uses are names, not spellings, but the prose's uses of both forms are still compared
                forms = withoutSyntaxUses(forms, syntax, operands, text);
            }
            if (!isNameAndCommand(forms)) {
                report(entry.getKey(), withoutModifierUses(forms), null, out);
            }
        }
        Map<String, Map<String, List<Occurrence>>> byCase = new LinkedHashMap<>();
        Set<String> defined = new HashSet<>();
        for (BlockText b : blocks) {
            collectCaseForms(b.block(), b.text(), byCase, defined);
        }
        for (Map.Entry<String, Map<String, List<Occurrence>>> entry : byCase.entrySet()) {
            // "STRIctly Non-nested hysteresis-Gaps (String)": the document introduces "String" as its own term, a
            // different thing from "STRING" it cites; a form it defines in brackets is no case variant of another
            entry.getValue().keySet().removeAll(defined);
            report("case_" + entry.getKey(), entry.getValue(), null, out);
        }
        for (List<String> variants : CHINESE_VARIANTS) {
            Map<String, List<Occurrence>> forms = new LinkedHashMap<>();
            for (BlockText b : blocks) {
                TextBlock block = b.block();
                String blockText = b.text();
                for (String variant : variants) {
                    for (int at = blockText.indexOf(variant); at >= 0; at = blockText.indexOf(variant, at + 1)) {
                        forms.computeIfAbsent(variant, v -> new ArrayList<>())
                                .add(new Occurrence(block, at, at + variant.length(), variant));
                    }
                }
            }
            report(variants.get(0), forms, variants.get(0), out);
        }
    }

    /**
     * {@code text}: the block masked (options, paths and code hidden); {@code original}: as written, same length;
     * {@code options}: the document's long options ({@link dev.docannotator.analysis.text.OptionSyntax#longOptions}).
     */
    private static void collectTokens(TextBlock block, String text, String original, Set<String> options,
                                      Map<String, Map<String, List<Occurrence>>> byKey,
                                      List<Occurrence> pairs, Set<String> singleKeys, Map<String, String> keys) {
        // tried only at word starts (StartScan): the look-behind rejected every other position, at a cost per character
        StartScan tokens = new StartScan(TOKEN, text, StartScan.wordStart(StartScan::isAsciiLetter));
        Matcher m = tokens.matcher();
        // one matcher per block for the look-aheads after each token (region() resets it), not one per token
        Matcher beforeAWord = BEFORE_A_WORD.matcher(text);
        Matcher expansion = FOLLOWED_BY_ITS_ABBREVIATION.matcher(text);
        Matcher namesADirectory = NAMES_A_DIRECTORY.matcher(text);
        boolean blank = text.isBlank();
        boolean angled = text.indexOf('<') >= 0;
        List<Span> quoted = Quotations.find(text);
        Occurrence previous = null;
        while (tokens.find()) {
            String token = m.group();
            if (Quotations.inside(quoted, m.start(), m.end())
                    || labelsAQuote(text, m.end())
                    || blank || isAlone(text, m.start(), m.end()) || isPlaceholder(text, m.start(), m.end(), angled)
                    || CommandLineNames.isOptionArgument(original, m.start())
                    || CommandLineNames.namesAnOption(original, m.start(), token, options)
                    || CommandLineNames.namesACommand(text, m.end())
                    || CommandLineNames.isTroffQuoted(original, m.start(), m.end())
                    || isHeaderField(text, m.start(), m.end()) || isIssueReference(text, m.end())
                    || namesADirectory.region(m.end(), text.length()).lookingAt()
                    || isSetInBold(text, m.start(), m.end())) {
                previous = null; // quoted verbatim, a keyword naming a quoted message, an item's tag, a
                // synopsis' placeholder ("q [exit-code]"), an option's argument ("--key keyfile") or name ("Using
                // force-yes" beside --force-yes), a command's alias ("the auto-clean alias"), a literal
                // (``future-default''), a header's field ("Python-Version: 3.9"), a repository's issue
                // ("leadership-council#120"), a directory's name ("the statictopic directory", "statictopic目录"):
                // not prose
                continue;
            }
            Occurrence current = new Occurrence(block, m.start(), m.end(), token,
                    // read only of a hyphenated form's uses (withoutModifierUses): asked of the others it cost a region each
                    hasHyphen(token) && beforeAWord.region(m.end(), text.length()).lookingAt(),
                    isPartOfName(token, text, m.end()) || endsAnExpansion(token, expansion, m.end())
                            || marksAbbreviationLetters(token, text, m.end()));
            String form = normalise(token);
            if (form != null) {
                String key = (current.inName() ? NAME : "") + key(form, keys);
                if (key.length() >= MIN_KEY_LENGTH) {
                    singleKeys.add(key);
                    byKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(form, f -> new ArrayList<>()).add(current);
                }
            }
            if (previous != null && previous.end() + 1 == current.start() && text.charAt(previous.end()) == ' '
                    && isPhrasePart(previous.original()) && isPhrasePart(token)) {
                String pair = text.substring(previous.start(), current.end());
                pairs.add(new Occurrence(block, previous.start(), current.end(), pair, false,
                        isPartOfName(pair, text, current.end())));
            }
            previous = current;
        }
    }

    /** "Python-Version: 3.9", "Content-Type: text/plain": a hyphenated field name opening a line of a header. */
    private static boolean isHeaderField(String text, int start, int end) {
        int lineStart = start;
        while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        return (lineStart == 0 || text.charAt(lineStart - 1) == '\n') && end + 1 < text.length()
                && text.charAt(end) == ':' && text.charAt(end + 1) == ' ' && hasHyphen(text.substring(start, end))
                && Character.isUpperCase(text.charAt(start));
    }

    /** "leadership-council#120": a repository's name with an issue number, a reference rather than the words. */
    private static boolean isIssueReference(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == '#' && Character.isDigit(text.charAt(end + 1));
    }

    /** "a new line of input": an adjective and its noun, not "newline" spelled open. */
    private static boolean startsWithAnAdjective(String pair) {
        return EnglishWords.isOnlyAnAdjective(pair.substring(0, pair.indexOf(' ')));
    }

    /**
     * One name in capitals and capitalised (APP/App, WIFI/Wifi): the capitalised form counts only inside a sentence
     * (not after a full stop or at the start of a block) and the capital form only among lower-case words, so
     * sentence starts and headings or boilerplate in capitals ("AS IS", "SEE ALSO") are not variants.
     */
    private static void collectCaseForms(TextBlock block, String text, Map<String, Map<String, List<Occurrence>>> into,
                                         Set<String> defined) {
        if (isShouting(text) || block.kind() == BlockKind.HEADING) {
            return; // "Other Options", "BUGS": a heading's capitals are the heading's style
        }
        StartScan tokens = new StartScan(CASE_TOKEN, text, StartScan.wordStart(c -> c >= 'A' && c <= 'Z'));
        Matcher m = tokens.matcher();
        List<Span> quoted = Quotations.find(text);
        while (tokens.find()) {
            String token = m.group();
            if (Quotations.inside(quoted, m.start(), m.end())) {
                continue; // "The display format is usually "MMM:SS"": a format quoted verbatim
            }
            boolean capitals = token.chars().allMatch(Character::isUpperCase);
            if (!capitals && isDefinedInBrackets(text, m.start(), m.end())) {
                defined.add(token);
            }
            if (capitals ? nextToCapitals(text, m.start(), m.end()) || startsBlock(text, m.start())
                    || NAMES_A_FILE.matcher(text).region(m.end(), text.length()).lookingAt()
                    || AFTER_THE_WORD_FILE.matcher(text).region(Math.max(0, m.start() - 10), m.start()).find()
                    : startsSentence(text, m.start()) || beginsAHyphenatedName(text, m.end())
                    || CitedTitles.contains(text, m.start(), m.end())
                    || CapitalisedInPlace.inPlace(text, m.start(), m.end(), at -> startsSentence(text, at))) {
                continue; // "APPENDIX: How to apply", "SYSTEM  If $SYSTEM is set", "a LICENSE file", "the file BUGS",
                // "… Session Channel Break Extension, RFC 4335": title case of a cited title
            }
            into.computeIfAbsent(token.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                    .computeIfAbsent(token, f -> new ArrayList<>()).add(new Occurrence(block, m.start(), m.end(), token));
        }
    }

    /** "Hysteresis-Gaps (String)": a capitalised word alone in brackets right after a word, the abbreviation it defines. */
    private static boolean isDefinedInBrackets(String text, int start, int end) {
        if (start < 3 || end >= text.length() || text.charAt(start - 1) != '(' || text.charAt(end) != ')') {
            return false;
        }
        int before = text.charAt(start - 2) == ' ' ? start - 3 : start - 2;
        return Character.isLetter(text.charAt(before));
    }

    /**
     * "a String-⏎Cluster system" extracted as "String- Cluster": a capitalised word that a hyphen ends is the first
     * part of a compound name broken at a line end, not the word written alone.
     */
    private static boolean beginsAHyphenatedName(String text, int end) {
        return end + 1 < text.length() && isHyphen(text.charAt(end)) && Character.isWhitespace(text.charAt(end + 1));
    }

    /**
     * "Nested Hysteresis-Gaps (NHGs)", "STRIctly Non-nested hysteresis-Gaps (String)": a word with capitals right
     * before an abbreviation in brackets ends that abbreviation's expansion, a defined term whose capitals mark the
     * letters it is made of, not a spelling of the common words ("hysteresis gaps") to be made consistent with them.
     */
    private static boolean endsAnExpansion(String token, Matcher abbreviationAfter, int end) {
        return !token.equals(token.toLowerCase(Locale.ROOT))
                && abbreviationAfter.region(end, abbreviationAfter.regionEnd()).lookingAt();
    }

    private static boolean hasHyphen(String token) {
        return token.indexOf('-') > 0 || token.indexOf('‑') > 0;
    }

    /**
     * A word that is the whole of a Markdown bold span ("the **curl-security** team", "**mailing-lists**:"): a name
     * or a label the author sets apart, spelt as it is, not the common words written another way.
     */
    private static boolean isSetInBold(String text, int start, int end) {
        if (start < 2) {
            return false;
        }
        String marker = text.substring(start - 2, start);
        return (marker.equals("**") || marker.equals("__")) && text.startsWith(marker, end);
    }

    /**
     * A quotation right after a word, {@code file-changed "%s: file changed as we read it"}: a keyword and its message.
     * Blanks and then a quotation mark, read without a matcher (a region per token cost more than the test).
     */
    private static boolean labelsAQuote(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i > end && i < text.length() && "\"“「".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * "STRIctly Non-nested hysteresis-Gaps (String)": capitals run on into a word's lower-case letters to mark the
     * letters an abbreviation in brackets, later in the sentence, is made of. The word is part of that defined term,
     * not a spelling of the common word ("strictly").
     */
    private static boolean marksAbbreviationLetters(String token, String text, int end) {
        boolean mnemonic = false;
        for (int i = 1; i + 1 < token.length() && !mnemonic; i++) {
            mnemonic = Character.isUpperCase(token.charAt(i - 1)) && Character.isUpperCase(token.charAt(i))
                    && Character.isLowerCase(token.charAt(i + 1));
        }
        return mnemonic && ABBREVIATION_LATER_IN_SENTENCE.matcher(text)
                .region(end, Math.min(text.length(), end + 80)).lookingAt();
    }

    /**
     * "World Wide" in "World Wide Web server", "Front-Cover" in "Front-Cover Texts": every part capitalised (so not
     * just a sentence start) and a capitalised word after it. Such a form is part of a proper name or a defined term,
     * which is a different thing from the common word spelled with the same letters ("world-wide", "front cover").
     * "D-Bus is …" is not: nothing follows that continues a name, so "D-Bus" and "dbus" stay one term. A single
     * capitalised word is part of a name inside a run of three capitalised words or more ("Filesystem" in "the Linux
     * Filesystem Hierarchy Standard", beside "a file system").
     */
    private static boolean isPartOfName(String token, String text, int end) {
        if (token.isEmpty() || !Character.isUpperCase(token.charAt(0))) {
            return false;
        }
        if (token.indexOf(' ') < 0 && !hasHyphen(token)) {
            int start = end - token.length();
            boolean before = CAPITALISED_WORD_BEFORE.matcher(text).region(Math.max(0, start - 40), start).find();
            Matcher after = CAPITALISED_WORD_AFTER.matcher(text).region(end, text.length());
            if (!after.lookingAt()) {
                return false;
            }
            int next = after.end();
            while (next < text.length() && Character.isLetter(text.charAt(next))) {
                next++;
            }
            boolean secondAfter = CAPITALISED_WORD_AFTER.matcher(text).region(next, text.length()).lookingAt();
            return before || secondAfter;
        }
        int parts = 1;
        for (int i = 1; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean partStart = isHyphen(token.charAt(i - 1)) || token.charAt(i - 1) == ' ';
            if (isHyphen(c) || c == ' ') {
                parts++;
            } else if (partStart != Character.isUpperCase(c)) {
                return false; // a part that is not capitalised, or a capital inside a part
            }
        }
        return parts >= 2 && CAPITALISED_WORD_AFTER.matcher(text).region(end, text.length()).lookingAt();
    }

    /** "<ciphersuite list>", "<fractional seconds>": a placeholder of a few words in angle brackets. */
    private static final Pattern PLACEHOLDER_WORDS_BEFORE = Pattern.compile("<(?:[A-Za-z][\\w-]*[ \\t])*$");
    private static final Pattern PLACEHOLDER_WORDS_AFTER = Pattern.compile("(?:[ \\t][A-Za-z][\\w-]*)*>");

    /**
     * A word alone in brackets, {@code [exit-code]}, {@code <file-name>}, or one of a few words in angle brackets,
     * {@code <ciphersuite list>}: a placeholder of a synopsis. {@code angled}: the block has a {@code <} at all; the
     * words pattern is tried only after one in the 40 characters before (it built two matchers for every token of
     * the document, a tenth of the check's CPU).
     */
    private static boolean isPlaceholder(String text, int start, int end, boolean angled) {
        return start > 0 && end < text.length() && (text.charAt(start - 1) == '[' && text.charAt(end) == ']'
                || text.charAt(start - 1) == '<' && text.charAt(end) == '>'
                || angled && text.lastIndexOf('<', start - 1) >= Math.max(0, start - 40)
                        && PLACEHOLDER_WORDS_BEFORE.matcher(text).region(Math.max(0, start - 40), start).find()
                        && PLACEHOLDER_WORDS_AFTER.matcher(text).region(end, text.length()).lookingAt());
    }

    /** A block that is this one word: a manual's item tag ("record-size" over the message it names), a name. */
    private static boolean isAlone(String text, int start, int end) {
        return isBlank(text, 0, start) && isBlank(text, end, text.length());
    }

    /**
     * {@code text.substring(from, to).isBlank()} without the copy, which cost a block's length per token. Char by char
     * is the same test: no supplementary code point is white space, and neither is a lone surrogate.
     */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word in capitals that opens its block, after any Markdown emphasis ("**POP消息**"), is a run-in heading or a
     * manual's item name.
     */
    private static boolean startsBlock(String text, int at) {
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '*' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'“‘(（*#>-".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;。！？：；".indexOf(text.charAt(i)) >= 0 || text.charAt(i) == '\uFFFC';
    }

    private static boolean nextToCapitals(String text, int start, int end) {
        Matcher before = CAPITAL_WORD_BEFORE.matcher(text.substring(Math.max(0, start - 20), start));
        Matcher after = CAPITAL_WORD_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 20)));
        return before.find() || after.lookingAt();
    }

    private static boolean isShouting(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && c < 0x250) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters >= 10 && upper * 10 >= letters * 7;
    }

    /**
     * "a command-line option" and "on the command line": English hyphenates a compound before the noun it modifies and
     * writes it open as a noun, so the hyphenated uses right before another word are the compound adjective, spelled
     * rightly, and only the other uses are compared: "the steering-arm designs" beside "the steering arm" is no variant,
     * but "the steering-arm is actuated" (a noun) still is. Only when the only forms are the hyphenated and the open one.
     */
    private static Map<String, List<Occurrence>> withoutModifierUses(Map<String, List<Occurrence>> forms) {
        if (forms.size() != 2) {
            return forms;
        }
        String hyphenated = null;
        boolean open = false;
        for (String form : forms.keySet()) {
            if (form.indexOf('-') > 0 || form.indexOf('‑') > 0) {
                hyphenated = form;
            } else if (form.indexOf(' ') > 0) {
                open = true;
            }
        }
        if (!open || hyphenated == null) {
            return forms;
        }
        Map<String, List<Occurrence>> nouns = new LinkedHashMap<>();
        for (Map.Entry<String, List<Occurrence>> e : forms.entrySet()) {
            List<Occurrence> uses = e.getKey().equals(hyphenated)
                    ? e.getValue().stream().filter(o -> !o.beforeAWord()).toList() : e.getValue();
            if (!uses.isEmpty()) {
                nouns.put(e.getKey(), uses);
            }
        }
        return nouns;
    }

    /**
     * "each given starting-point", "no starting-point", "a⏎starting-point": a determiner (and at most one word) before
     * an operand's name makes it a common noun of the prose; bare, it names the operand ("Verifies the integrity of
     * package-name or all packages" in dpkg(1), the italics lost in plain text).
     */
    private static final Pattern DETERMINER_BEFORE = Pattern.compile(
            "(?i)(?<!\\p{L})(?:a|an|the|this|that|these|those|each|every|any|no|its|their|all|some|one)"
                    + "[ \\t\\r\\n]+(?:[a-z]+[ \\t\\r\\n]+)?$");

    /** {@code forms} without those in {@code names} (lower case). */
    private static Map<String, List<Occurrence>> withoutForms(Map<String, List<Occurrence>> forms, Set<String> names) {
        Map<String, List<Occurrence>> rest = new LinkedHashMap<>(forms);
        rest.keySet().removeIf(f -> names.contains(f.toLowerCase(Locale.ROOT)));
        return rest;
    }

    /**
     * The forms' uses outside the synopsis' syntax ({@link OptionSyntax#isPlaceholderUse}), and of the operand's own
     * form only its uses as a common noun ({@link #DETERMINER_BEFORE}); a form left without any goes.
     */

    private static Map<String, List<Occurrence>> withoutSyntaxUses(Map<String, List<Occurrence>> forms,
                                                                   OptionSyntax syntax, Set<String> operands,
                                                                   ExtractedText text) {
        Map<String, List<Occurrence>> prose = new LinkedHashMap<>();
        Matcher determiner = DETERMINER_BEFORE.matcher(text.text()).useTransparentBounds(true);
        for (Map.Entry<String, List<Occurrence>> e : forms.entrySet()) {
            boolean operand = operands.contains(e.getKey().toLowerCase(Locale.ROOT));
            List<Occurrence> uses = e.getValue().stream()
                    .filter(o -> !syntax.isPlaceholderUse(o.block().start() + o.start(), o.block().start() + o.end()))
                    .filter(o -> !operand || determiner.region(Math.max(o.block().start(),
                            o.block().start() + o.start() - 40), o.block().start() + o.start()).find())
                    .toList();
            if (!uses.isEmpty()) {
                prose.put(e.getKey(), uses);
            }
        }
        return prose;
    }

    /**
     * The words the document writes as a command (`mandb`) or a manual page (mandb(8)), or as a markup element's name
     * ({@link SyntaxNames#elementNames}), in lower case.
     */
    private static Set<String> programNames(ExtractedText text) {
        Set<String> names = new HashSet<>();
        List<String> texts = new ArrayList<>();
        for (TextBlock block : text.blocks()) {
            texts.add(text.blockText(block));
        }
        // "generic-icon elements": element names
        names.addAll(SyntaxNames.elementNames(texts));
        for (String blockText : texts) {
            if (!mayNameAProgram(blockText)) {
                continue; // every form needs a backquote, a bracket or a version comparison
            }
            Matcher m = PROGRAM_NAME.matcher(blockText);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Whether {@link #PROGRAM_NAME} can match in {@code text} at all: a cheap test before the scan. It must let through
     * every text the pattern matches in (InconsistentTermsPreTestTest guards that).
     */
    static boolean mayNameAProgram(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' || c == '(' || c == '<' || c == '>' || c == '=' || c == '≥' || c == '≤') {
                return true;
            }
        }
        return false;
    }

    /** One of the forms is a program's name: the forms are different things that share letters, not one term. */
    private static boolean namesAProgram(Map<String, List<Occurrence>> forms, Set<String> programs) {
        return forms.size() > 1 && forms.keySet().stream().anyMatch(f -> programs.contains(f.toLowerCase(Locale.ROOT)));
    }

    /**
     * "CMake" and "cmake", "CTest" and "ctest", "Bourne Again SHell" and "shell": a name written with capitals inside
     * it (a product, a project) and the same letters in lower case (its command, or the common noun) are two things.
     * Only when every other use is written in lower case; "JavaScript" and "Javascript" stay a variant.
     */
    private static boolean isNameAndCommand(Map<String, List<Occurrence>> forms) {
        if (forms.size() < 2) {
            return false; // one form is no pair (and a common word's thousands of uses need no reading)
        }
        boolean innerCapitals = false;
        for (Map.Entry<String, List<Occurrence>> form : forms.entrySet()) {
            if (hasInnerCapital(form.getKey())) {
                innerCapitals = true;
            } else if (!form.getValue().stream().allMatch(o -> isLowerCase(o.original()))) {
                return false;
            }
        }
        return innerCapitals && forms.size() > 1;
    }

    private static boolean isLowerCase(String word) {
        return word.chars().noneMatch(Character::isUpperCase);
    }

    private static boolean hasInnerCapital(String form) {
        for (int i = 1; i < form.length(); i++) {
            if (Character.isUpperCase(form.charAt(i)) && form.charAt(i - 1) != '-' && form.charAt(i - 1) != ' ') {
                return true;
            }
        }
        return false;
    }

    /** "Jane Doe" and "janedoe": a person's name and their handle, not two spellings of one term. */
    private static boolean isNameAndHandle(String pair, Map<String, List<Occurrence>> singles) {
        boolean name = java.util.Arrays.stream(pair.split(" ")).allMatch(InconsistentTermsCheck::isCapitalised);
        return name && singles.keySet().stream().allMatch(f -> f.chars().allMatch(Character::isLowerCase));
    }

    private static boolean isPhrasePart(String word) {
        if (word.length() < 3) {
            return false;
        }
        boolean lowerCase = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            lowerCase &= Character.isLowerCase(c);
        }
        return !PHRASE_WORDS.contains(word.toLowerCase(Locale.ROOT)) && (lowerCase || isCapitalised(word));
    }

    /** The spelling that counts: a capital only at the start of a part is dropped; null for all-capital words. */
    static String normalise(String token) {
        StringBuilder form = new StringBuilder(token.length());
        int partStart = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || isHyphen(token.charAt(i))) {
                String part = token.substring(partStart, i);
                if (part.length() > 1 && part.chars().allMatch(Character::isUpperCase) || isCapitalsPlural(part)) {
                    return null; // "FILEs": the plural of the metavariable FILE, left to the acronym check
                }
                form.append(isCapitalised(part) ? part.toLowerCase(Locale.ROOT) : part);
                if (i < token.length()) {
                    form.append('-');
                }
                partStart = i + 1;
            }
        }
        return form.toString();
    }

    /** {@code [A-Z]{2,}s}, the whole part: tested per token, so without a matcher. */
    private static boolean isCapitalsPlural(String part) {
        int n = part.length();
        if (n < 3 || part.charAt(n - 1) != 's') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (part.charAt(i) < 'A' || part.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '‑';
    }

    private static String key(String form, Map<String, String> keys) {
        return keys.computeIfAbsent(form, InconsistentTermsCheck::key);
    }

    private static String key(String form) {
        StringBuilder key = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (!isHyphen(c) && c != ' ') {
                key.append(Character.toLowerCase(c));
            }
        }
        return SpellingKey.of(key.toString());
    }

    private static boolean isCapitalised(String part) {
        if (part.isEmpty() || !Character.isUpperCase(part.charAt(0))) {
            return false;
        }
        for (int i = 1; i < part.length(); i++) {
            if (!Character.isLowerCase(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Flags every spelling but the one used most. On a tie one spelling is still the document's: the standard Chinese
     * form ({@code standard}: 登录, not 登陆), else the spelling of the English the requirement asked for (programme in
     * British English, program in American), else the one the document used first.
     */
    private void report(String key, Map<String, List<Occurrence>> forms, String standard, Findings out) {
        if (forms.size() < 2) {
            return;
        }
        int best = forms.values().stream().mapToInt(List::size).max().orElse(0);
        // LinkedHashMap order is first occurrence: the tied spellings in the order the document uses them
        List<String> tied = forms.entrySet().stream().filter(e -> e.getValue().size() == best).map(Map.Entry::getKey)
                .toList();
        String dominant = tied.contains(standard) ? standard
                : tied.stream().filter(this::isVariantSpelling).findFirst().orElse(tied.get(0));
        int uses = forms.get(dominant).size();
        for (Map.Entry<String, List<Occurrence>> e : forms.entrySet()) {
            if (e.getKey().equals(dominant)) {
                continue;
            }
            for (Occurrence o : e.getValue()) {
                String suggestion = matchCase(dominant, o.original());
                out.add(o.block(), o.start(), o.end(), Check.INCONSISTENT_TERMS, Severity.WARNING,
                        out.message(o.original().equalsIgnoreCase(dominant) ? "inconsistent_terms.case"
                                : "inconsistent_terms.message", o.original(), dominant, uses),
                        suggestion, "inconsistent_terms/" + key);
            }
        }
    }

    /**
     * Whether {@code form} is spelled as the requirement's English spells it: American is the folded spelling
     * ({@link SpellingKey}), British, Australian, New Zealand and South African English the other one. Canadian
     * English mixes them (colour, organize), so it decides nothing.
     */
    private boolean isVariantSpelling(String form) {
        String lower = form.toLowerCase(Locale.ROOT);
        boolean american = SpellingKey.of(lower).equals(lower);
        return switch (variant) {
            case AMERICAN -> american;
            case BRITISH, AUSTRALIAN, NEW_ZEALAND, SOUTH_AFRICAN -> !american;
            case CANADIAN -> false;
        };
    }

    private static String matchCase(String dominant, String original) {
        if (Character.isUpperCase(original.charAt(0)) && Character.isLowerCase(dominant.charAt(0))) {
            return Character.toUpperCase(dominant.charAt(0)) + dominant.substring(1);
        }
        return dominant;
    }
}
