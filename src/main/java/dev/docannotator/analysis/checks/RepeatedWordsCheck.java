package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import dev.docannotator.analysis.text.Scripts;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags a word written twice in a row ("the the", any case) and doubled Chinese function characters (的的, 了了),
 * leaving alone the grammatical doubles: "that that", "had had", 不了了之, 的的确确, 是是非非, 地地道道, and two words in
 * capitals in running text (a synopsis' operands, {@code ARCHIVE ARCHIVE}; in a passage set in capitals they are
 * words). A lower-case double is an error; a capitalised one ("Walla Walla") may be a name, so it is a warning.
 */
public final class RepeatedWordsCheck implements BlockCheck {
    private static final Pattern ENGLISH = Pattern.compile(
            // across a line break too: "to⏎to" in a wrapped paragraph is the classic doubled word; not across a tab
            // inside a line: a tab stop sets words in columns ("Total⇥Total", a Word form's "tab⇥tab"), not in a phrase
            Words.bounded("(\\p{IsLatin}+)(?:[ \\u00a0]+|[ \\t\\u00a0]*\\r?\\n[ \\t\\u00a0]*)(\\1)"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\p{IsLatin}*\\p{Ll}\\p{IsLatin}*\\p{Ll}");
    private static final Pattern CAPITALS_WORD = Pattern.compile("\\p{Lu}{2,}");
    /**
     * A prompt at the start of a line: a shell's {@code $} or {@code %}, Python's {@code >>>}, a program's name in
     * brackets ({@code (gdb)}, not a list's "(a)" or "(iii)").
     */
    private static final Pattern PROMPT = Pattern.compile(
            "[ \\t]*(?:[$%]|>>>|\\((?![ivxlc]+\\))[a-z][a-z0-9_-]+\\))[ \\t]+\\S");
    private static final Set<String> GRAMMATICAL = Set.of("that", "had", "bye", "no", "so", "very", "ha");
    private static final Pattern CHINESE = Pattern.compile(
            "([的了是在和与地得就也都把被对及或而之])\\1");
    /**
     * Two-character words that Chinese never doubles (需要需要, 我们我们); verbs that may be doubled to soften them
     * (研究研究, 看看) and reduplicated adjectives and nouns (常常, 人人) are not in it.
     */
    private static final Pattern CHINESE_WORDS = Pattern.compile("(需要|可以|应该|必须|能够|我们|你们|他们|她们|它们|"
            + "这个|那个|这些|那些|如果|因为|所以|但是|而且|并且|或者|以及|已经|没有|是否|进行|通过|对于|关于|"
            + "其中|以下|以上|用户|系统|数据|文件|功能|问题|服务|使用|设置|配置|内容|信息|可能|就是|还是|只是|"
            + "不是|然后|同时|目前|根据|按照|包括|其他|所有|每个|为了|由于|虽然|即使)\\1");

    @Override
    public Check check() {
        return Check.REPEATED_WORDS;
    }

    /** Every cell is a block of its own, so "Exempt | Exempt" in two cells is never one repeated word. */
    @Override
    public Set<BlockKind> reads() {
        return Kinds.WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        Matcher m = ENGLISH.matcher(text);
        int from = 0;
        boolean shouting = isSetInCapitals(text);
        while (from < text.length() && m.find(from)) {
            String word = m.group(1);
            String again = m.group(2);
            from = m.start(2); // "the the the" gives two findings, not one
            if (GRAMMATICAL.contains(word.toLowerCase(Locale.ROOT)) || isAllCapitals(word) != isAllCapitals(again)
                    || startsADottedName(text, m.end()) || endsADottedName(text, m.start())) {
                continue; // "--dir DIR": a word next to its placeholder; "man man.7", "INSTALL.generic  Generic": names
            }
            if (!isCapitalised(word) && isCapitalised(again)) {
                continue; // "h H", "g G": sed's commands; a retyped word keeps its case, only a sentence start adds one
            }
            if (isCommandLine(text, m.start())) {
                continue; // "(gdb) core core": gdb's command and the file it opens, typed at a prompt
            }
            if (isSetInChinese(text, m.start(), m.end())) {
                continue; // "要阅读手册页的说明，运行 man man 即可": a command quoted in Chinese prose, not English prose
            }
            if (startsANameOfItsOwn(text, m.end())) {
                continue; // "import-show⏎show-only", "the package package-file", "<mime-type type=…>"
            }
            if (out.facts().genre() == Genre.MANUAL
                    && out.facts().optionSyntax().metavariables().contains(again.toLowerCase(Locale.ROOT))) {
                continue; // "--timeout=seconds  Set the timeout to seconds seconds": the noun, then the placeholder
            }
            if (isAllCapitals(word) && !shouting) {
                continue; // "tar -A [OPTIONS] ARCHIVE ARCHIVE": in running text, capitals are two operands, two names
            }
            // a name may be a doubled word ("Walla Walla", "Bora Bora"): only a lower-case double is surely a slip
            // "The the" is usually a slip too, but a pair that differs in case may be two tokens of code: not sure
            Severity severity = isCapitalised(word) && !isAllCapitals(word) ? Severity.WARNING : Severity.ERROR;
            out.add(block, m.start(), m.end(), Check.REPEATED_WORDS, severity,
                    out.message("repeated_words.en", word), word, "repeated_words/en");
        }
        if (!hasIdeographs(text)) {
            return; // both Chinese patterns below are made of CJK ideographs only; English text skips the scans
        }
        Matcher zh = CHINESE.matcher(text);
        while (zh.find()) {
            if (isIdiom(text, zh.start())) {
                continue;
            }
            String ch = zh.group(1);
            out.add(block, zh.start(), zh.end(), Check.REPEATED_WORDS, Severity.ERROR,
                    out.message("repeated_words.zh", ch), ch, "repeated_words/zh");
        }
        Matcher words = CHINESE_WORDS.matcher(text);
        while (words.find()) {
            String word = words.group(1);
            out.add(block, words.start(), words.end(), Check.REPEATED_WORDS, Severity.ERROR,
                    out.message("repeated_words.zh_word", word), word, "repeated_words/zh");
        }
    }

    /** Whether the text holds a CJK unified ideograph (U+4E00–U+9FFF), the only characters the Chinese patterns match. */
    private static boolean hasIdeographs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u4e00' && c <= '\u9fff') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the second word starts a name of its own: a hyphenated compound ("import-show show-only", "the package
     * package-file") or an attribute given a value ({@code <mime-type type="text/plain">}). A first word ending a
     * compound is no such sign: "a well-known known issue" is a slip.
     */
    private static boolean startsANameOfItsOwn(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        return next == '=' || next == '-' && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
    }

    /** Whether the words at {@code [start, end)} stand alone between Chinese characters, spaces apart. */
    private static boolean isSetInChinese(String text, int start, int end) {
        int before = start;
        while (before > 0 && text.charAt(before - 1) == ' ') {
            before--;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return before > 0 && Scripts.isHan(text.charAt(before - 1))
                && after < text.length() && Scripts.isHan(text.charAt(after));
    }

    /** "man.7", "grep.c": the second word is the start of a file or page name, not the word again. */
    private static boolean startsADottedName(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == '.' && Character.isLetterOrDigit(text.charAt(end + 1));
    }

    /** "INSTALL.generic": the first word is the end of a file name, not a word of the sentence. */
    private static boolean endsADottedName(String text, int start) {
        return start >= 2 && text.charAt(start - 1) == '.' && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    /**
     * Whether the line holding {@code at} is typed at a prompt: {@code $ gdb app}, {@code (gdb) core core},
     * {@code >>> f(x)}. What follows a prompt is a command and its arguments, where a word may well come twice.
     */
    static boolean isCommandLine(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return PROMPT.matcher(text).region(lineStart, text.length()).lookingAt();
    }

    private static boolean isAllCapitals(String word) {
        return word.length() > 1 && word.chars().allMatch(Character::isUpperCase);
    }

    private static boolean isCapitalised(String word) {
        return Character.isUpperCase(word.charAt(0));
    }

    /**
     * A passage set in capitals ("IN NO EVENT SHALL THE THE AUTHORS …"): three words or more and not one of them in
     * lower case. A line with a lower-case word ("tar -A [OPTIONS] ARCHIVE ARCHIVE") is mixed case, and there capitals
     * mark names.
     */
    private static boolean isSetInCapitals(String text) {
        return !LOWER_CASE_WORD.matcher(text).find() && CAPITALS_WORD.matcher(text).results().count() >= 3;
    }

    private static boolean isIdiom(String text, int at) {
        char before = at > 0 ? text.charAt(at - 1) : 0;
        char after = at + 2 < text.length() ? text.charAt(at + 2) : 0;
        String pair = text.substring(at, at + 2);
        return switch (pair) {
            case "了了" -> before == '不' && after == '之' || after == '解' || before == '一' || after == '然';
            case "的的" -> after == '确';
            case "是是" -> after == '非';
            case "地地" -> after == '道';
            case "得得" -> after == '失';
            case "在在" -> after == '处';
            default -> false;
        };
    }
}
