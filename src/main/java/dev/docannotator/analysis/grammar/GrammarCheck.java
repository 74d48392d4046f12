package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.checks.BlockCheck;
import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.analysis.checks.Severity;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.document.TextBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.languagetool.JLanguageTool;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.RuleMatch;

/**
 * English grammar and spelling with LanguageTool, one paragraph (line of the block) at a time. The session hands it
 * a huge block one window at a time, cut at sentence boundaries, so that a step stays short; the script test then
 * applies to the window. Blocks that are mainly Chinese are skipped. Misspellings are errors, grammar warnings, style and
 * typography info.
 */
public final class GrammarCheck implements BlockCheck {
    private final LanguageToolPool pool;

    public GrammarCheck(LanguageToolPool pool) {
        this.pool = pool;
    }

    @Override
    public Check check() {
        return Check.GRAMMAR;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        if (text.isBlank() || Scripts.mainlyChinese(text) || Scripts.latinLetterCount(text) == 0) {
            return;
        }
        JLanguageTool tool = pool.forCurrentThread();
        int from = 0;
        while (from <= text.length()) {
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = text.length();
            }
            String paragraph = text.substring(from, to);
            if (!paragraph.isBlank() && !Scripts.mainlyChinese(paragraph)) {
                for (RuleMatch match : check(tool, paragraph)) {
                    report(block, from, paragraph, match, out);
                }
            }
            from = to + 1;
        }
    }

    private static List<RuleMatch> check(JLanguageTool tool, String paragraph) {
        try {
            return tool.check(paragraph);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not check a paragraph", e);
        }
    }

    private static void report(TextBlock block, int offset, String paragraph, RuleMatch match, Findings out) {
        int start = Math.max(0, match.getFromPos());
        int end = Math.min(paragraph.length(), match.getToPos());
        if (end <= start) {
            return;
        }
        List<String> replacements = match.getSuggestedReplacements();
        String suggestion = replacements.isEmpty() ? null : replacements.get(0);
        Severity severity = severity(match);
        // LanguageTool writes English; a Chinese reader gets the kind of problem in Chinese before its text.
        String key = switch (severity) {
            case ERROR -> "grammar.spelling";
            case WARNING -> "grammar.grammar";
            default -> "grammar.style";
        };
        out.add(block, offset + start, offset + end, Check.GRAMMAR, severity, out.message(key, message(match)),
                suggestion, "grammar/" + match.getRule().getId());
    }

    private static Severity severity(RuleMatch match) {
        ITSIssueType type = match.getRule().getLocQualityIssueType();
        if (match.getRule().isDictionaryBasedSpellingRule() || type == ITSIssueType.Misspelling) {
            return Severity.ERROR;
        }
        if (type == ITSIssueType.Grammar) {
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
