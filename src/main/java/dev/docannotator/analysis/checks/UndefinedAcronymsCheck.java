package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.AcronymScope;
import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flags the first use of an acronym (2–6 capitals, plural "s" allowed) that comes before its definition or has
 * none. Definitions: "Service Level Agreement (SLA)", "SLA (Service Level Agreement)", 服务等级协议（SLA）, and a
 * glossary line "SLA: Service Level Agreement". Not flagged: abbreviations known by their letters (PDF, CRC, USA …;
 * {@link WellKnownAbbreviations}), in a manual page also the acronyms of computing its
 * reader knows (UID, ACL, FAT; {@link #knownToAudience}), Roman numerals, unfinished-work markers, words in all-capital headings, placeholders
 * (see {@link #placeholders}), words set in capitals (emphasis, "ONE of the following"; a word the document also
 * writes in lower case or as a file extension, XZ and .xz; an English word, {@link EnglishWords}: NOTICE, TITLE, ACTION),
 * an abbreviation named as the peer of a known one ("SGML or XML", {@link #peersOfWellKnown}), and one whose name the
 * document spells out ("Independent JPEG Group", "Communications of the ACM": {@link #spelledOutAt}).
 */
public final class UndefinedAcronymsCheck implements DocumentCheck {
    /**
     * Capitals that are not an abbreviation's whole use: the start of a longer name ({@code X-Window}), a language or
     * product written with {@code ++} ({@code VC++}, as C++), an item's number ({@code SRC-124}, {@code RFC-2119}: a
     * report's or a standard's name, said by its number, never spelled out), the rest of a word with a letter starred
     * out ({@code D*CKHEAD}).
     */
    private static final Pattern ACRONYM = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_./@\\\\]|\\p{IsLatin}\\*)([A-Z]{2,6})s?(?![\\p{IsLatin}\\p{N}_]|[./@\\\\][A-Za-z0-9]|-\\s?[A-Z]|\\+\\+|-\\d)");
    /** A word of an expansion, accented letters included: "Confédération Générale du Travail (CGT)". */
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+");
    /**
     * Words that give the name just before it: "a contest sometimes called CNOI", "known as", 简称：OI, 被称作 CNOI,
     * 英文简写为 THUWC. The reader learns what the acronym names where it first appears.
     */
    private static final Pattern NAMED_AS = Pattern.compile(
            "(?:\\b(?:known|referred\\s+to)\\s+as"
                    // "called CNOI", not "so-called" nor "we called HMRC" (a telephone call)
                    + "|\\b(?<!so-)(?<!(?:\\b[Ww]e|\\b[Tt]hey|\\b[Yy]ou|\\b[Hh]e|\\b[Ss]he|\\bI)\\s)called"
                    + "|\\babbreviated(?:\\s+(?:as|to))?|\\bhereafter|\\bhereinafter"
                    + "|简称|简写|缩写|又称|称为|称作|叫做|下称)(?:为)?[\\s:：\"“'‘*]*$");
    /** Abbreviations known by their letters (CPU, PDF, CRC): the list and its sources are in the resource file. */
    private static final Set<String> WELL_KNOWN = WellKnownAbbreviations.all();
    /** Abbreviations general dictionaries carry as words (SCSI, SGML): known to a reader of ordinary English. */
    private static final Set<String> IN_DICTIONARIES = WellKnownAbbreviations.inDictionaries();
    private static final Set<String> NOT_ACRONYMS = Set.of(
            "TODO", "TBD", "TBC", "FIXME", "XXX", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
            "XIV", "XV", "XVI", "XX", "I", "A",
            // capitalised words and placeholders that are not abbreviations
            "NOTE", "README", "FILE", "TEXT", "PATH", "PORT", "DIR", "HOST", "USER", "NAME", "TYPE", "KEY", "VALUE",
            "DATA", "TRUE", "FALSE", "NULL", "NONE", "YES", "NEW", "END", "GET", "POST",
            "PUT", "PATCH", "DELETE", "HEAD", "STOP", "WARN", "INFO", "ERROR", "DEBUG", "FATAL", "TRACE",
            "FREE", "DONE", "OFF", "ON",
            // English function words and numerals, set in capitals for emphasis ("at least ONE of the following",
            // "you MUST NOT"): closed word classes no abbreviation is spelled like in practice
            "AND", "OR", "NOR", "BUT", "NOT", "NO", "THE", "AN", "ANY", "EACH", "EVERY", "BOTH", "EITHER", "NEITHER",
            "SOME", "MANY", "MOST", "MORE", "LESS", "LEAST", "FEW", "ALL", "ONLY", "NEVER", "ALWAYS", "EXCEPT",
            "UNLESS", "IF", "WITH", "WITHOUT", "BEFORE", "AFTER", "AT", "IN", "OF", "TO", "FOR", "BY", "IS", "ARE",
            "WAS", "BE", "DO", "DOES", "MUST", "SHALL", "SHOULD", "MAY", "CAN", "CANNOT", "WILL", "WOULD", "ONE",
            "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "FIRST", "SECOND", "THIRD", "LAST",
            // the files every source package has
            "NEWS", "COPYING", "INSTALL", "AUTHORS", "THANKS", "CHANGELOG", "LICENSE", "NOTICE", "HACKING");

    /**
     * An acronym as the prefix of a numbered document or record ("KEP-2572", "PEP 8002", "CVE-2024-1234"): the name of
     * a series the reader looks items up in, not a term used in a sentence.
     */
    private static final Pattern SERIES_PREFIX = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])([A-Z]{2,6})(?:-(\\d{2,})|[ \u00a0](\\d{3,}))(?![\\p{IsLatin}\\p{N}_])");
    /** A year: "QBR 2024" is a meeting of that year, not a numbered document. */
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    /** Quotation marks around a quoted value, each opening at the index of its closing one. */
    private static final String QUOTES_OPEN = "'\"‘“";
    private static final String QUOTES_CLOSE = "'\"’”";
    /** Capitals that end a capitalised name: the MQ of "RocketMQ". */
    private static final Pattern NAME_TAIL = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])\\p{Lu}\\p{Ll}+([A-Z]{2,6})(?![\\p{IsLatin}\\p{N}_])");
    /** A capitalised word after an acronym: the "Code" of "VS Code". */
    private static final Pattern WORD_AFTER = Pattern.compile("\\s+(\\p{Lu}\\p{Ll}+)(?![\\p{IsLatin}\\p{N}_])");
    /** Different computing acronyms that mark a document of general writing as written for developers. */
    private static final int DEVELOPER_VOCABULARY = 3;
    /** Characters of text (some 300 English words) that tell a document's readers by its vocabulary. */
    private static final int WHOLE_DOCUMENT = 2000;
    /** Two capitals, then a capitalised word of four letters or more: a person's initials and surname. */
    private static final Pattern INITIALS_AND_SURNAME = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])([A-Z]{2})[ \\u00a0](\\p{Lu}\\p{Ll}{3,})(?![\\p{IsLatin}\\p{N}_-])");
    /** The title in a Markdown document's front matter. */
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("(?m)^title:[ \\t]*[\"']?(.+?)[\"']?[ \\t]*$");
    /** A line of front matter: "date: 2018-02-08", "tags: [blog]". */
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("(?m)^[A-Za-z_][\\w-]*:(?:[ \\t]|$)");
    /** Two to six capitals standing as a word (beside Chinese characters too: "使用RPC调用"). */
    private static final Pattern STANDALONE_CAPITALS = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])[A-Z]{2,6}(?![\\p{IsLatin}\\p{N}_])");
    /**
     * Table cells and headings are read for definitions (a glossary table, "#### Long-term support (LTS) releases")
     * but never reported from: a cell is a label in a grid (a platform table's ARM, MIPS, MSVC), a heading a title
     * (in capitals, no run of acronyms), and neither is a sentence where an author would spell anything out.
     */
    private static final Set<BlockKind> READS = Set.of(BlockKind.PROSE, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL,
            BlockKind.NOTE, BlockKind.HEADING);

    private static final Pattern CAPITALS_BEFORE = Pattern.compile("(?<![A-Za-z])[A-Z]{2,}[\\s\"“,;-]+$");
    private static final Pattern CAPITALS_AFTER = Pattern.compile("[\\s\"”,;-]+[A-Z]{2,}(?![a-z])");
    /**
     * Where a word in capitals is a placeholder or a variable, not an abbreviation: an option's argument
     * ({@code --label=LABEL}, {@code --color[=WHEN]}, {@code -D ACTION}), a synopsis ({@code [ENV=VAR]}, {@code <NAME>}),
     * an assignment ({@code AR='ar -X64'}, a formula's {@code ZM = {1,…, M}}), an environment variable ({@code $SYSTEM}) or a manual page's title line
     * ({@code GREP(1)}). Every use of such a word in the document is then left alone.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?:(?<![\\p{L}\\p{N}])--?[A-Za-z][\\w-]*(?:\\[?=|\\s)|\\[=?|<|=|\\+|\\$\\{?)([A-Z][A-Z0-9_]+)(?![\\p{L}\\p{N}_])"
                    + "|(?<![\\p{L}\\p{N}_$])([A-Z][A-Z0-9_]+)s?(?:=| = |\\(\\d\\w*\\))");
    /** A placeholder inside an option's name: {@code --GTYPE-group-format}, {@code --LTYPE-line-format}. */
    private static final Pattern IN_OPTION_NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])--?(?:[a-z0-9]+-)*([A-Z][A-Z0-9_]+)(?=-[a-z])");
    /** A placeholder right after a format spec's closing brace or bracket: {@code %[-][WIDTH]{doxX}LETTER}. */
    private static final Pattern AFTER_FORMAT_SPEC = Pattern.compile("[}\\]]([A-Z][A-Z0-9_]+)(?![\\p{L}\\p{N}_])");
    /**
     * A synopsis' operands after its options in brackets: {@code diff [OPTION]... FILES},
     * {@code cp [-fi] SOURCE DEST}. The bracket holds an option or a placeholder, so a citation ("[1] NASA") is not one.
     */
    private static final Pattern SYNOPSIS_OPERANDS = Pattern.compile(
            "\\[(?:-[^\\]\\n]*|[A-Z][A-Z0-9_]*(?:[=.\\s][^\\]\\n]*)?)](?:\\.\\.\\.|…)?((?:[ \\t]+[A-Z][A-Z0-9_]+(?:\\.\\.\\.|…)?)+)"
                    + "(?![\\p{L}\\p{N}_])");
    /**
     * A name in capitals listed with identifiers ({@code LC_ALL, LC_foo, LANG}; {@code LANG, LC_ALL}): an environment
     * or configuration variable like its neighbours. The name is in a look-ahead, so that it can be the identifier
     * before the next one ({@code LD_PRELOAD, LD_LIBRARY_PATH, and TMPDIR}). Separated by spaces only, two identifiers
     * before it make a list ({@code UID_MAX UID_MIN UMASK}, login.defs(5)): one could be a sentence's word.
     */
    private static final Pattern AFTER_AN_IDENTIFIER = Pattern.compile(
            "[A-Za-z0-9]_\\w*(?:,\\s*(?:and\\s+|or\\s+)?(?=([A-Z][A-Z0-9_]+)(?![\\p{L}\\p{N}_]))"
                    + "|(?=\\s+[A-Z][A-Z0-9]*_\\w*\\s+([A-Z][A-Z0-9_]+)(?![\\p{L}\\p{N}_])))");
    private static final Pattern BEFORE_AN_IDENTIFIER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])([A-Z][A-Z0-9_]+),\\s*(?:and\\s+|or\\s+)?[A-Z][A-Z0-9]*_\\w");
    private static final Pattern CAPITALS_RUN = Pattern.compile("[A-Z][A-Z0-9_]+");
    /**
     * The last member of an indexed series, named by its variable's letter and the series' length: {@code C1, …, CM},
     * {@code X1, ..., XN}; a variable of a formula, not an abbreviation.
     */
    private static final Pattern SERIES_END = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])([A-Z])\\d{1,2}\\s*,\\s*(?:…|\\.\\.\\.)\\s*,?\\s*(\\1[A-Z])(?![\\p{L}\\p{N}_])");
    /** One of a numbered series of placeholders ({@code GROUP1[,GROUP2,...[,GROUPN]]}): its stem, before the digit. */
    private static final Pattern NUMBERED = Pattern.compile("(?<![\\p{L}\\p{N}_])([A-Z][A-Z_]*[A-Z])\\d(?![\\p{L}\\p{N}_])");
    /**
     * A file name's extension, or one on its own ("the .xz format"): the name of a format in lower case. Only a name's
     * last part: "itu" in www.itu.int is a host, not a format.
     */
    private static final Pattern EXTENSION = Pattern.compile("\\.([a-z][a-z0-9]{1,5})(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])");
    /**
     * A lower-case word, to find the words a document also writes in capitals; also the first part of a hyphenated
     * lower-case name (nss-myhostname names NSS's modules), but not a prefix before capitals (non-EOL).
     */
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}\\p{N}_$-])[a-z]{3,}(?![\\p{L}\\p{N}_(]|-(?![a-z]))");
    /** A postal code after two capitals: a state in an address ("Boston, MA 02110-1301"). */
    private static final Pattern US_STATE = Pattern.compile("\\s+\\d{5}\\b");
    /** "(EREs, see below)": a forward reference the author makes on purpose. */
    private static final Pattern SEE_BELOW = Pattern.compile("s?[,;]?\\s*\\(?see\\s+below");
    /**
     * Two names in capitals joined as peers of a list: "SGML or XML", "NIS, LDAP", "CPU 和 MEM". A "+" may end a name (GTK+), and a
     * version or release after a slash the first one ("OS/390, CICS").
     */
    private static final Pattern COORDINATED = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])([A-Z][A-Z0-9]+)\\+*(?:/[A-Za-z0-9]+)?"
                    + "(?:\\s*[,、，]\\s*|\\s+(?:or|and|and/or|nor)\\s+|\\s*(?:和|与|及|或)\\s*)"
                    + "(?=([A-Z][A-Z0-9]+)\\+*(?![\\p{IsLatin}\\p{N}_]))");
    /**
     * Three names or more joined by slashes, a list of peers ("Qt/GTK+/HTML"); two are a pair of counterparts
     * ("API/ABI", "input/output"), and knowing one does not tell the other.
     */
    private static final Pattern SLASH_LIST = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/])[A-Za-z][A-Za-z0-9]*\\+*(?:/[A-Za-z][A-Za-z0-9]*\\+*){2,}(?![\\p{L}\\p{N}_/])");
    private static final Pattern NAME_IN_CAPITALS = Pattern.compile("[A-Z][A-Z0-9]+(?![a-z])");
    /**
     * A capitalised name (not in capitals) after a lower-case word, a comma or a Chinese character, right before the
     * abbreviation: inside a sentence, so the capital is the name's own.
     */
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "(?:(?:\\p{Ll}[\\p{Ll}\\p{N}]*|,)[ \\t]+|\\p{IsHan}[ \\t]*)[\\[(“\"]?(\\p{Lu}\\p{Ll}[\\p{L}\\p{N}]*)[ \\t]+$");
    /** A capitalised word right before the abbreviation, wherever it stands ("Cloudflare WAF was integrated"). */
    private static final Pattern CAPITALISED_BEFORE = Pattern.compile("(\\p{Lu}\\p{Ll}[\\p{L}\\p{N}]*)[ \\t]+$");

    /** A line opened by a speaker's name in capitals and a colon, then a sentence ("TC: Hearing no objections"). */
    private static final Pattern SPEAKER = Pattern.compile("(?m)^[ \\t]*([A-Z][A-Z0-9]+):[ \\t]+\\p{Lu}\\p{Ll}*[ \\t,]");
    /** A list item before a name in capitals: a person's first and last name and a comma ("Eric Huss, "). */
    private static final Pattern NAME_ITEM_BEFORE = Pattern.compile(
            "(?:^|[,:;]\\s*)\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+\\s*,\\s*$");
    /** The next item: a comma and a person's first and last name (", James Munns"). */
    private static final Pattern NAME_ITEM_AFTER = Pattern.compile(
            "\\s*,\\s*\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?![\\p{L}\\p{N}])");
    /** A line opened by a person's name and a colon ("Mara: Most people …"): the document records who spoke. */
    private static final Pattern NAMED_SPEAKER = Pattern.compile("(?m)^[ \\t]*(\\p{Lu}\\p{Ll}+):[ \\t]+\\p{Lu}");
    /** Words that label a line, not a person: a changelog's "Fixed:", a note's "Example:". */
    private static final Set<String> LABELS = Set.of("Note", "Notes", "Example", "Examples", "Warning", "Summary",
            "Update", "Status", "Action", "Actions", "Question", "Answer", "Result", "Decision", "Security", "Fix",
            "Feature", "Features", "New", "Bug", "Bugs", "Breaking", "Deprecation", "Performance", "Docs", "Tip");
    /** Between two words of a name: spaces or a hyphen, and the function words its abbreviation leaves out. */
    private static final String NAME_GAP = "(?:[\\s-]+(?:of|the|and|for|on|in|to)(?=[\\s-]))*[\\s-]+";

    /** Markdown emphasis and list marks around a glossary term: "**KPI**: key performance indicator". */
    private static final String MARKUP = "*_`#>-+ \t";

    private record Use(TextBlock block, int start, int end, int global) {
    }

    private final AcronymScope scope;

    /** Reads the documents {@code scope} reads in ({@link AcronymGenres}). */
    public UndefinedAcronymsCheck(AcronymScope scope) {
        this.scope = scope;
    }

    @Override
    public Check check() {
        return Check.UNDEFINED_ACRONYMS;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        if (!AcronymGenres.reads(scope, out.facts().genre())) {
            return; // a manual page or a README under the broad ask: its reader knows what the check would ask for
        }
        Set<String> knownToAudience = knownToAudience(out.facts().genre(), text.text());
        Set<String> placeholders = placeholders(text.text());
        Set<String> peersOfKnown = peersOfWellKnown(text.text());
        Set<String> speakers = speakers(text.text());
        Set<String> series = seriesPrefixes(text.text());
        Set<String> nameTails = nameTails(text.text());
        Set<String> inTitle = titleAcronyms(text);
        Set<String> initials = personsInitials(text.text());
        RepeatedNames repeatedNames = new RepeatedNames();
        List<BlockText> blocks = BlockText.of(out.facts(), READS);
        Set<String> lowerCaseWords = new HashSet<>();
        for (BlockText b : blocks) {
            if (b.block().kind() != BlockKind.HEADING) {
                lowerCaseWords.addAll(lowerCaseWords(b.text()));
            }
        }
        Set<String> extensions = extensions(text.text());
        Map<String, Use> firstUse = new LinkedHashMap<>();
        Map<String, Integer> firstDefinition = new HashMap<>();
        for (BlockText b : blocks) {
            TextBlock block = b.block();
            String blockText = b.text();
            String original = text.blockText(block);
            boolean shouting = isAllCapitals(blockText);
            StartScan acronyms = new StartScan(ACRONYM, blockText, StartScan.capitalPair());
            Matcher m = acronyms.matcher();
            while (acronyms.find()) {
                String acronym = m.group(1);
                if (WELL_KNOWN.contains(acronym) || IN_DICTIONARIES.contains(acronym)
                        || knownToAudience.contains(acronym) || NOT_ACRONYMS.contains(acronym) || placeholders.contains(acronym)
                        || extensions.contains(acronym.toLowerCase(Locale.ROOT))
                        || isFormatPattern(acronym) || isWordInCapitals(acronym, lowerCaseWords)
                        || EnglishWords.isWordInCapitals(acronym) || peersOfKnown.contains(acronym)
                        || speakers.contains(acronym) || series.contains(acronym) || nameTails.contains(acronym)
                        || inTitle.contains(acronym) || initials.contains(acronym)) {
                    continue;
                }
                int global = block.start() + m.start(1);
                if (isDefinition(blockText, original, m.start(1), m.end(), acronym)) {
                    firstDefinition.putIfAbsent(acronym, global);
                } else if (!firstUse.containsKey(acronym) // only a first use is reported: the tests below cost
                        && !shouting && block.kind() != BlockKind.TABLE_CELL && block.kind() != BlockKind.HEADING
                        && !inCapitalsPhrase(blockText, m.start(), m.end())
                        && !isInListOfNames(blockText, m.start(1), m.end(1))
                        && !isQuotedValue(blockText, m.start(1), m.end(1))
                        && !repeatedNames.isIn(text.text(), global + acronym.length(), acronym)) {
                    firstUse.put(acronym, new Use(block, m.start(1), m.end(1), global));
                }
            }
        }
        for (Map.Entry<String, Use> e : firstUse.entrySet()) {
            String acronym = e.getKey();
            Use use = e.getValue();
            Integer definedAt = firstDefinition.get(acronym);
            if (definedAt == null) {
                definedAt = spelledOutAt(text.text(), acronym); // "Mozilla Public License" (a title) … "the MPL"
            }
            if (definedAt == null
                    && qualifiesANamedProduct(use.block().start(), text.text(), use.global(), lowerCaseWords)) {
                continue; // "a Windows DLL version", "the latest Ubuntu LTS": the product's own vocabulary
            }
            if (definedAt == null && (spelledOutJustBefore(text.text(), use.block().start(), use.global(), acronym)
                    || spelledOutAsTermBefore(text.text(), use.global(), acronym))) {
                continue; // "turn off Real-Time group scheduling … RT group scheduling": defined in place
            }
            String after = text.text().substring(use.block().start() + use.end(),
                    Math.min(text.text().length(), use.block().start() + use.end() + 20));
            if (definedAt == null && US_STATE.matcher(after).lookingAt()
                    || definedAt != null && SEE_BELOW.matcher(after).lookingAt()) {
                continue; // "Boston, MA 02110"; "(EREs, see below)": the author announces the definition
            }
            if (definedAt == null) {
                out.add(use.block(), use.start(), use.end(), Check.UNDEFINED_ACRONYMS, Severity.INFO,
                        out.message("undefined_acronyms.never_defined", acronym), null,
                        "undefined_acronyms/never_defined");
            } else if (use.global() < definedAt) {
                TextBlock where = text.blockAt(definedAt);
                String message = where != null && where.paragraph() != null
                        ? out.message("undefined_acronyms.defined_in", acronym, where.paragraph())
                        : out.message("undefined_acronyms.defined_later", acronym);
                out.add(use.block(), use.start(), use.end(), Check.UNDEFINED_ACRONYMS, Severity.INFO,
                        message, null, "undefined_acronyms/used_before_definition");
            }
        }
    }

    /**
     * The acronyms the document's reader knows as words, beyond the well-known ones: a manual page's reader is an
     * administrator or programmer, and UID, GID, ACL and FAT are that reader's vocabulary
     * ({@link WellKnownAbbreviations#computing()}). No feature of the text tells such an acronym from one that needs
     * its definition (BENCHMARKS.md, acro9), so the audience decides. Manual pages, and general writing for developers
     * ({@link #writtenForDevelopers}): in READMEs and install guides the list removed as many true findings as false
     * ones on the labelled sets (7 true, 9 false: ABI, EOL, LSB, MTA are asked for there), on manual pages 2 true for 6
     * false (BENCHMARKS.md, acro10). A licence, or a report or plan for readers who are not developers, gets none of
     * them: its KPI or SLA is asked for.
     */
    static Set<String> knownToAudience(Genre genre, String text) {
        return genre == Genre.MANUAL || genre == Genre.GENERAL && writtenForDevelopers(text)
                ? WellKnownAbbreviations.computing() : Set.of();
    }

    /**
     * The capitals the document writes as the end of a product's name ("RocketMQ", "PostgreSQL", "NetBSD"): a reader
     * of a document about RocketMQ knows its MQ.
     */
    static Set<String> nameTails(String text) {
        Set<String> found = new HashSet<>();
        StartScan names = new StartScan(NAME_TAIL, text, StartScan.wordStart(c -> c >= 'A' && c <= 'Z'));
        while (names.find()) {
            found.add(names.matcher().group(1));
        }
        return found;
    }

    /**
     * Whether the capitals at {@code [start, end)} stand alone inside quotation marks: a literal value the text quotes
     * ("one of 'NFC', 'NFKC', 'NFD', and 'NFKD'", a string a program takes), not a term it uses.
     */
    static boolean isQuotedValue(String text, int start, int end) {
        if (start == 0 || end >= text.length()) {
            return false;
        }
        int open = QUOTES_OPEN.indexOf(text.charAt(start - 1));
        return open >= 0 && text.charAt(end) == QUOTES_CLOSE.charAt(open);
    }

    /**
     * Whether an acronym starts a two-word name the document writes at least twice ("VS Code"): the reader knows the
     * product by its name, not by what its letters stand for. Each name is looked up in the document once.
     */
    static final class RepeatedNames {
        private final Map<String, Boolean> known = new HashMap<>();

        boolean isIn(String text, int end, String acronym) {
            Matcher next = WORD_AFTER.matcher(text).region(end, Math.min(text.length(), end + 30));
            if (!next.lookingAt()) {
                return false;
            }
            return known.computeIfAbsent(acronym + " " + next.group(1), name -> {
                Matcher m = Pattern.compile("(?<![\\p{IsLatin}\\p{N}_])" + acronym + "\\s+" + next.group(1)
                        + "(?![\\p{IsLatin}\\p{N}_])").matcher(text);
                return m.find() && m.find();
            });
        }
    }

    /**
     * The acronyms in the document's title — its first block when that is a heading, after any front matter, or the
     * front matter's {@code title:} — which name its subject: whoever opens "Kubernetes SIG Security 2020 Annual
     * Report" or a paper on MEMS devices knows what it is about (both judged so on unseen sets), and the title is no
     * sentence where the author could spell it out.
     */
    static Set<String> titleAcronyms(ExtractedText text) {
        Set<String> found = new HashSet<>();
        for (TextBlock block : text.blocks()) {
            String content = text.blockText(block);
            Matcher title = FRONT_MATTER_TITLE.matcher(content);
            if (block.kind() == BlockKind.CODE && title.find()) {
                STANDALONE_CAPITALS.matcher(title.group(1)).results().forEach(r -> found.add(r.group()));
                continue;
            }
            if (block.kind() == BlockKind.CODE && FRONT_MATTER_LINE.matcher(content).find()) {
                continue; // the rest of the front matter ("date: 2018-02-08")
            }
            if (block.kind() == BlockKind.HEADING && !isAllCapitals(content)) {
                // a title in capitals ("SOFTWARE LICENSE AGREEMENT FOR XYZ SDK") would make every word its subject
                STANDALONE_CAPITALS.matcher(content).results().forEach(r -> found.add(r.group()));
            }
            break;
        }
        return found;
    }

    /**
     * The acronyms the document writes as the prefix of a numbered item ({@link #SERIES_PREFIX}): joined by a hyphen,
     * or spaced with two different numbers that are not years.
     */
    static Set<String> seriesPrefixes(String text) {
        Set<String> found = new HashSet<>();
        Map<String, Set<String>> spaced = new HashMap<>();
        StartScan series = new StartScan(SERIES_PREFIX, text, StartScan.capitalPair());
        while (series.find()) {
            Matcher m = series.matcher();
            if (m.group(2) != null) {
                found.add(m.group(1)); // "KEP-2572": the hyphen makes it an identifier
            } else if (!YEAR.matcher(m.group(3)).matches()) {
                spaced.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(3));
            }
        }
        // "PEP 8002" … "PEP 602": with a space, only a prefix of two different numbers ("MTTR 120 minutes" is a value)
        spaced.forEach((acronym, numbers) -> {
            if (numbers.size() >= 2) {
                found.add(acronym);
            }
        });
        return found;
    }

    /**
     * Whether a document of general writing is written for developers: a whole document, not an excerpt, that uses
     * {@value #DEVELOPER_VOCABULARY} or more different computing acronyms of three letters or more that not everyone
     * knows (RPC, AST, LTO, ACK …). Design proposals, postmortems and project reports are written by engineers for
     * engineers; a business proposal's one KPI is still asked for. Over every label of general writing (held-out sets 10–12): 15 computing acronyms, all false (RPC,
     * AST, LTO, ACK, HA, ARM, CVE …).
     */
    static boolean writtenForDevelopers(String text) {
        if (text.length() < WHOLE_DOCUMENT) {
            return false; // an excerpt or a note: too little to tell its readers by, as for its genre
        }
        Set<String> computing = new HashSet<>();
        StartScan capitals = new StartScan(STANDALONE_CAPITALS, text, StartScan.capitalPair());
        while (capitals.find() && computing.size() < DEVELOPER_VOCABULARY) {
            String word = capitals.matcher().group();
            // three letters or more and not known to everyone: the list also holds IS, AS, IT, AM, PM, and a business
            // report's PDF, URL and CSV say nothing of its readers
            if (word.length() >= 3 && WellKnownAbbreviations.computing().contains(word) && !WELL_KNOWN.contains(word)
                    && !NOT_ACRONYMS.contains(word)) {
                computing.add(word);
            }
        }
        return computing.size() >= DEVELOPER_VOCABULARY;
    }

    /**
     * The words in capitals that the document uses as placeholders or variables somewhere: PLACEHOLDER, inside an
     * option's name, after a format spec, as a synopsis' or a format line's operands, or named as a file, variable,
     * field or prefix ({@link CapitalsNamedInPlace}).
     */
    static Set<String> placeholders(String text) {
        Set<String> found = new HashSet<>();
        // each pattern is tried only where a match can start (StartScan): these scans read the whole document
        StartScan placeholders = new StartScan(PLACEHOLDER, text, StartScan.oneOf("-[<=+$").or(StartScan.capitalPair()));
        Matcher m = placeholders.matcher();
        while (placeholders.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        // each its own scan: an earlier pattern's match must not hide a later one's ("[OPTION]... FILES")
        StartScan.StartTest identifierThenUnderscore = (s, i) -> i + 1 < s.length() && s.charAt(i + 1) == '_'
                && s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i));
        for (StartScan q : List.of(new StartScan(IN_OPTION_NAME, text, StartScan.oneOf("-")),
                new StartScan(AFTER_FORMAT_SPEC, text, StartScan.oneOf("}]")),
                new StartScan(AFTER_AN_IDENTIFIER, text, identifierThenUnderscore),
                new StartScan(BEFORE_AN_IDENTIFIER, text, StartScan.capitalPair()))) {
            while (q.find()) {
                Matcher each = q.matcher();
                found.add(each.group(1) != null ? each.group(1) : each.group(2)); // AFTER_AN_IDENTIFIER has two
            }
        }
        found.addAll(CapitalsNamedInPlace.in(text)); // "OLDGRP NEWGRP[:NEWGID]", "see the file COMPAT"
        StartScan numbered = new StartScan(NUMBERED, text, StartScan.wordStart(c -> c >= 'A' && c <= 'Z'));
        while (numbered.find()) {
            found.add(numbered.matcher().group(1) + "N"); // the series' last member, GROUPN after GROUP1
        }
        StartScan series = new StartScan(SERIES_END, text, StartScan.wordStart(c -> c >= 'A' && c <= 'Z'));
        while (series.find()) {
            found.add(series.matcher().group(2)); // CM after C1, …
        }
        StartScan synopses = new StartScan(SYNOPSIS_OPERANDS, text, StartScan.oneOf("["));
        Matcher operands = synopses.matcher();
        while (synopses.find()) {
            Matcher each = CAPITALS_RUN.matcher(operands.group(1));
            while (each.find()) {
                found.add(each.group());
            }
        }
        return found;
    }

    /**
     * Abbreviations the text sets beside one known by its letters, as its peer in a list: "SGML or XML", "Qt/GTK+/HTML"
     * (but not the pair "API/ABI": {@link #SLASH_LIST}). Named
     * together, they are things of one kind (formats, toolkits, protocols) that the text expects its reader to know
     * alike; asking for SGML to be spelled out next to XML would not help that reader.
     */
    static Set<String> peersOfWellKnown(String text) {
        Set<String> found = new HashSet<>();
        StartScan coordinated = new StartScan(COORDINATED, text, StartScan.capitalPair());
        Matcher m = coordinated.matcher();
        while (coordinated.find()) {
            String left = m.group(1);
            String right = m.group(2);
            if (WELL_KNOWN.contains(left) != WELL_KNOWN.contains(right)) {
                found.add(WELL_KNOWN.contains(left) ? right : left);
            }
        }
        StartScan lists = new StartScan(SLASH_LIST, text, StartScan.wordStart(StartScan::isAsciiLetter));
        Matcher list = lists.matcher();
        while (lists.find()) {
            List<String> names = NAME_IN_CAPITALS.matcher(list.group()).results().map(r -> r.group()).toList();
            if (names.stream().anyMatch(WELL_KNOWN::contains)) {
                found.addAll(names);
            }
        }
        return found;
    }

    /**
     * Capitals that open two or more lines as a speaker does in minutes or an interview ("TC: Hearing no objections,
     * the agenda is approved."): a person's name or initials. A glossary gives a term one line, not several; a
     * changelog opens its lines with areas ("QMS: Removed the old checklist."), so the document must also record
     * speakers by name: one name ("Mara: …") opening two lines or more, not a label ("Fixed:", "Note:").
     */
    static Set<String> speakers(String text) {
        boolean namedSpeaker = NAMED_SPEAKER.matcher(text).results()
                .map(r -> r.group(1)).filter(name -> !LABELS.contains(name) && !name.endsWith("ed"))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()))
                .values().stream().anyMatch(lines -> lines >= 2);
        if (!namedSpeaker) {
            return Set.of();
        }
        return SPEAKER.matcher(text).results()
                .collect(Collectors.groupingBy(r -> r.group(1), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * Where the document first writes the name an abbreviation stands for, as capitalised words whose initials are its
     * letters ("Mozilla Public License Version 2.0" for MPL, "Application Binary Interface" for ABI), a title included,
     * or null. A reader
     * who has seen the name knows the abbreviation; three letters or more, so that two words' initials are no accident.
     */
    static Integer spelledOutAt(String text, String acronym) {
        if (acronym.length() < 3) {
            return null;
        }
        Pattern spelled = Pattern.compile("(?<![\\p{L}\\p{N}])" + initialsFrom(acronym, 0) + "(?![\\p{L}\\p{N}])");
        Matcher m = spelled.matcher(text);
        while (m.find()) {
            if (wordsInCapitals(m.group()) <= 1) {
                return m.start();
            }
        }
        return null;
    }

    /**
     * Words whose initials are the acronym's letters from {@code i}: each a capital and a word's letters, with the
     * function words a name leaves out of its abbreviation between them (Bureau of Industry and Security, BIS); the
     * last letters may be an abbreviation of their own, ending the name (Communications of the ACM, CACM).
     */
    private static String initialsFrom(String acronym, int i) {
        String word = acronym.charAt(i) + "(?:\\p{Ll}+|\\p{Lu}+)";
        if (i == acronym.length() - 1) {
            return word;
        }
        String rest = acronym.substring(i + 1);
        return word + NAME_GAP + "(?:" + initialsFrom(acronym, i + 1) + (rest.length() >= 2 ? "|" + rest : "") + ")";
    }

    /**
     * The words of a name written in capitals ("JPEG" in "Independent JPEG Group"): one may be a name of its own inside
     * the name; a run of them ("FOO HTTP SSL") is a row of abbreviations, not a name spelled out.
     */
    private static int wordsInCapitals(String name) {
        int n = 0;
        for (String word : name.split("[\\s-]+")) {
            n += word.length() > 1 && Character.isUpperCase(word.charAt(1)) ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether the abbreviation comes right after a capitalised name inside a sentence ("a Windows DLL version", "the
     * latest Ubuntu LTS and non-LTS releases"): it names a part or an edition of that product, in the product's own
     * vocabulary, which its users know by those letters. A capital at a sentence's start ("For UEFI systems") says
     * nothing unless the document capitalises that word inside its sentences too ("Cloudflare WAF was integrated",
     * "[Cloudflare KV](…)"), and a name in capitals is an abbreviation of its own.
     */
    static boolean qualifiesANamedProduct(int blockStart, String text, int use, Set<String> lowerCaseWords) {
        String before = text.substring(Math.max(blockStart, use - 60), use);
        if (NAME_BEFORE.matcher(before).find()) {
            return true;
        }
        // at a sentence's start, a word the document also capitalises inside its sentences is a name too
        Matcher word = CAPITALISED_BEFORE.matcher(before);
        // not a word the document also writes in lower case: "The" of a title ("The Economist") is no name
        return word.find() && !lowerCaseWords.contains(word.group(1).toLowerCase(Locale.ROOT)) && Pattern.compile("\\p{Ll}[ \\t]+\\[?" + Pattern.quote(word.group(1)) + "(?![\\p{L}\\p{N}])")
                .matcher(text).find();
    }

    /**
     * Whether the document writes the abbreviation's words as a term in lower case before using it, every word of four
     * letters or more ("memory safety without garbage collection" … "conservative GC"): its reader met the term it
     * abbreviates. Two words whose initials match by accident are common, so a two-letter abbreviation needs its
     * words twice, and no word may be a function word or an adverb ("this change" is no TC).
     */
    static boolean spelledOutAsTermBefore(String text, int use, String acronym) {
        StringBuilder words = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < acronym.length(); i++) {
            words.append(i == 0 ? "" : "[\\s-]+").append(Character.toLowerCase(acronym.charAt(i))).append("\\p{Ll}{3,}");
        }
        Matcher m = Pattern.compile(words.append("(?![\\p{L}\\p{N}])").toString()).matcher(text).region(0, use);
        int times = 0;
        while (m.find()) {
            if (Arrays.stream(m.group().split("[\\s-]+")).noneMatch(EnglishWords::canBeAFunctionWord)) {
                times++;
            }
        }
        return times >= (acronym.length() == 2 ? 2 : 1);
    }

    /**
     * Whether a two-letter abbreviation's words, capitalised, come shortly before it in its own paragraph ("We recommend
     * to turn off Real-Time group scheduling … RT group scheduling"): the reader has just read what it stands for. Two
     * initials match by accident somewhere in a document ({@link #spelledOutAt} needs three letters); in the same
     * paragraph, right before the abbreviation, the words are its definition.
     */
    static boolean spelledOutJustBefore(String text, int blockStart, int use, String acronym) {
        if (acronym.length() != 2) {
            return false;
        }
        String before = text.substring(Math.max(blockStart, use - 300), use);
        Pattern spelled = Pattern.compile("(?<![\\p{L}\\p{N}])" + acronym.charAt(0) + "\\p{Ll}+[\\s-]+" + acronym.charAt(1)
                + "\\p{Ll}+(?![\\p{L}\\p{N}])");
        return spelled.matcher(before).find();
    }

    /** The words of three letters or more that a text writes in lower case (not a function's name: {@code fsstnd()}). */
    static Set<String> lowerCaseWords(String text) {
        Set<String> found = new HashSet<>();
        StartScan words = new StartScan(LOWER_WORD, text, StartScan.wordStart(c -> c >= 'a' && c <= 'z'));
        Matcher m = words.matcher();
        while (words.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * The extensions of the file names a document writes, and ones it names on their own ("the .xz format", "a .deb"):
     * letters it also writes in capitals ("XZ Utils") are that format's or program's name, not an abbreviation. The
     * scan reads the whole text, unmasked: prose masking hides file names.
     */
    static Set<String> extensions(String text) {
        Set<String> found = new HashSet<>();
        StartScan dots = new StartScan(EXTENSION, text, StartScan.oneOf("."));
        while (dots.find()) {
            found.add(dots.matcher().group(1));
        }
        return found;
    }

    /**
     * A word the document also writes in lower case ("Compare FILES line by line" in a manual that says "files"
     * elsewhere) is that word set in capitals — a placeholder named after it, emphasis, a heading's word — not an
     * abbreviation: an abbreviation has no lower-case twin in the text that defines or uses it.
     */
    private static boolean isWordInCapitals(String acronym, Set<String> lowerCaseWords) {
        return acronym.length() >= 3 && lowerCaseWords.contains(acronym.toLowerCase(Locale.ROOT));
    }

    /** YYYY, MM, DD, XX, ZZZZ: one letter repeated is a date or number format, not an abbreviation. */
    private static boolean isFormatPattern(String word) {
        return word.chars().distinct().count() == 1;
    }

    /**
     * Whether the acronym at {@code [start, end)} (a plural "s" included) is being defined there: "(KPIs)" after its
     * words, its words in brackets after it, or a glossary line, Markdown emphasis allowed ("**KPI**: …").
     * {@code text} is the block masked for prose, {@code original} the same block unmasked: the words in brackets are
     * read there, since an expansion written with slashes ("BCJ (Branch/Call/Jump)") is masked as a path.
     */
    static boolean isDefinition(String text, String original, int start, int end, String acronym) {
        char first = Character.toLowerCase(acronym.charAt(0));
        // "Service Level Agreement (SLA)" or 服务等级协议（SLA）
        if (start > 0 && isOpen(text.charAt(start - 1)) && end < text.length() && isClose(text.charAt(end))) {
            String before = text.substring(Math.max(0, start - 1 - 80), start - 1);
            if (Scripts.hanCount(before) > 0) {
                return true;
            }
            Matcher w = WORD.matcher(before);
            List<String> words = new ArrayList<>();
            while (w.find()) {
                words.add(w.group());
            }
            int from = Math.max(0, words.size() - acronym.length() - 3);
            for (String word : words.subList(from, words.size())) {
                if (baseLetter(word.charAt(0)) == first) {
                    return true;
                }
            }
            return false;
        }
        // "缺陷跟踪系统（bug tracking system, BTS）": its words and the acronym together in brackets
        if (end < text.length() && isClose(text.charAt(end)) && isExpansionBeforeInBrackets(original, start, first)) {
            return true;
        }
        // "the contest is sometimes called CNOI", （英语：Olympiad in Informatics，简称：OI）
        if (NAMED_AS.matcher(text.substring(Math.max(0, start - 40), start)).find()) {
            return true;
        }
        // "SLA (Service Level Agreement)", SLA（服务等级协议）, **CTT**（英文：China Team Training）
        int i = skipMarkup(text, end);
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && isOpen(text.charAt(i)) && i + 1 < text.length()) {
            char c = original.charAt(i + 1);
            return Scripts.isHan(c) || Character.toLowerCase(c) == first;
        }
        // A glossary line: "SLA: Service Level Agreement", "SLA – Service Level Agreement", "**SLA**: …"
        if (isMarkupOnly(text, start)) {
            int rest = skipMarkup(text, end);
            return text.length() - rest > 1 && ":：–—-\t".indexOf(text.charAt(rest)) >= 0
                    || text.length() > end && text.charAt(end) == '\t';
        }
        return false;
    }

    /**
     * Whether the acronym at {@code start} follows its words inside one pair of brackets, after a comma: "(bug
     * tracking system, BTS)", "（服务等级协议，SLA）". The words start with the acronym's first letter, or are Chinese.
     */
    private static boolean isExpansionBeforeInBrackets(String text, int start, char first) {
        int comma = start;
        while (comma > 0 && isBlank(text.charAt(comma - 1))) {
            comma--;
        }
        if (comma == 0 || ",，;；".indexOf(text.charAt(comma - 1)) < 0) {
            return false;
        }
        int open = comma - 1;
        while (open > 0 && comma - open < 80 && !isOpen(text.charAt(open - 1)) && !isClose(text.charAt(open - 1))) {
            open--;
        }
        if (open == 0 || !isOpen(text.charAt(open - 1))) {
            return false;
        }
        String words = text.substring(open, comma - 1).strip();
        return !words.isEmpty() && (Scripts.isHan(words.charAt(0)) || Character.toLowerCase(words.charAt(0)) == first);
    }

    /** A letter without its accent, in lower case: "École Normale Supérieure (ENS)" starts with the E of ENS. */
    private static char baseLetter(char c) {
        String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return Character.toLowerCase(plain.charAt(0));
    }

    /** A space, a tab, a line break or a no-break space (laid-out text keeps U+00A0). */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Whether the capitals at {@code [start, end)} are an item of a list of people between two full names: "Council
     * members: Eric Huss, TC, James Munns" (a person who signs with initials, held-out set 11). Such a list names, it
     * does not use a term the reader needs spelled out; a list of topics ("Safety, QMS, Security") does.
     */
    static boolean isInListOfNames(String text, int start, int end) {
        return NAME_ITEM_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find()
                && NAME_ITEM_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40))).lookingAt();
    }

    /**
     * Two capitals that are the initials a person goes by, written before their surname somewhere in the document: "TJ
     * Holowaychuk" (an APISIX interview, judged so by both judges), and then "是 TJ" alone. The surname is a capitalised
     * word no English dictionary has, so "IT Department" or "EU Commission" stay uses.
     */
    static Set<String> personsInitials(String text) {
        Set<String> found = new HashSet<>();
        StartScan names = new StartScan(INITIALS_AND_SURNAME, text, StartScan.capitalPair());
        Matcher m = names.matcher();
        while (names.find()) {
            if (!EnglishWords.isInDictionary(m.group(2).toLowerCase(Locale.ROOT))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** "AS IS", "SEE ALSO", "OF ANY KIND": words in capitals next to other words in capitals are boilerplate. */
    static boolean inCapitalsPhrase(String text, int start, int end) {
        return CAPITALS_BEFORE.matcher(text.substring(Math.max(0, start - 30), start)).find()
                || CAPITALS_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30))).lookingAt();
    }

    /** Whether the first {@code end} characters are markup only (indices, not a copy: a huge block has many acronyms). */
    private static boolean isMarkupOnly(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (MARKUP.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the text after {@code from} starts once the markup (but not a dash) is skipped. */
    private static int skipMarkup(String s, int from) {
        int i = from;
        while (i < s.length() && MARKUP.indexOf(s.charAt(i)) >= 0 && s.charAt(i) != '-') {
            i++;
        }
        return i;
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '（';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == '）';
    }

    /**
     * A heading or line in capitals, where every word would look like an acronym. Not a Chinese paragraph, whose only
     * Latin letters are often its abbreviations ("通过 QAT 硬件加速，HTTPS 性能…"): capitals are a Latin script's shouting.
     */
    private static boolean isAllCapitals(String text) {
        int letters = 0;
        int upper = 0;
        int han = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Scripts.isHan(c)) {
                han++;
            } else if (Character.isLetter(c) && c < 0x250) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 10 && upper * 10 >= letters * 7 && han < letters;
    }
}
