package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Quotations;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags unfinished-work markers and placeholders: TODO, TBD, TBC, FIXME, XXX (upper case, whole words, so
 * "XXX公司" counts), "lorem ipsum", and Chinese 待定, 待补充, 待确认, 待完善. Not a marker inside quotation marks: the text
 * quotes it as speech or as a term (“听起来不错，但是XXX呢？”, 关于“XXX”的新东西, the word "TODO"), a blank on purpose.
 */
public final class TodoMarkersCheck implements BlockCheck {
    /** The longest quotation, marks included, that quotes a marker on purpose ("but what about XXX?"). */
    private static final int QUOTED_SPEECH = 80;
    private static final Pattern MARKERS = Pattern.compile(
            Words.bounded("TODO|TBD|TBC|FIXME|XXX|[Ll]orem ipsum")
                    + "|待定|待补充|待确认|待完善|待更新");
    /**
     * Before a marker that names a file ("docs/TODO", "the file TODO", "文件 TODO"), not unfinished work. A directory
     * is a lower-case path component, so "TBD/TBC" stays two markers.
     */
    /** Every character a marker can start with: the pattern is tried only there ({@link StartScan}). */
    private static final String MARKER_FIRST = "TFXLl待";
    private static final Pattern FILE_BEFORE = Pattern.compile("(?:[a-z0-9_.-][/\\\\]|\\b[Ff]iles?\\s+|文件\\s*)$");
    /** After one: an extension or a lower-case path ("TODO.md", "TODO/notes"). */
    private static final Pattern FILE_AFTER = Pattern.compile("^(?:\\.[A-Za-z]{1,4}\\b|[/\\\\][a-z])");

    /**
     * Template blanks nobody filled in: [insert date], [Client name], &lt;name&gt;, {{company}}, XX万元, ××年××月, 某某公司.
     * Only bracketed words that name what belongs there, so "[1]", "[optional]" and "&lt;file&gt;" in a synopsis stay.
     */
    private static final Pattern PLACEHOLDERS = Pattern.compile(
            "\\[(?:insert|enter|add|your|client|customer|company|name|date|amount|number|address|title|placeholder|tbd"
                    + "|todo)\\b[^\\]\\n]{0,40}]"
                    + "|<(?:name|date|your[ _-][a-z]+|insert[^>\\n]{0,30}|client|customer|company|amount|placeholder)>"
                    // a mail merge's {{company}}, not a site generator's own objects ({{ site.baseurl }}, page.title)
                    + "|\\{\\{\\s*(?!(?:site|page|layout|include|paginator|jekyll|post|forloop)\\.)[A-Za-z_][\\w.]*\\s*}}"
                    + "|(?<![A-Za-z])(?:[Xx]{2}(?![Xx])|[×＊]{2,})(?=\\s*(?:[万亿千百]?元|%|％|年|月|日|天|个|人|号|公司|部门|先生|女士|项目))"
                    + "|某某(?:公司|部门|先生|女士|项目)?",
            Pattern.CASE_INSENSITIVE);

    /** The verbs of a fill-in instruction as whole words: "replaceable" or "substitution" tell the reader nothing. */
    private static final String FILL_IN_VERB = "replace[sd]?|replacing|fill(?:s|ed|ing)?\\s+in|substitut(?:e[sd]?|ing)";
    private static final String BLANK_NOUN = "brackets?|fields?|placeholders?|blanks?";

    /**
     * A sentence that tells the reader to fill in the blanks ("with the fields enclosed by brackets "[]" replaced with
     * your own identifying information", 请将方括号中的内容替换为…): the placeholders after it are a template offered to the
     * reader (a licence's notice to copy), not the author's unfinished work.
     */
    private static final Pattern FILL_IN_INSTRUCTION = Pattern.compile(
            "(?:\\b(?:" + FILL_IN_VERB + ")\\b[^.!?]{0,120}?\\b(?:" + BLANK_NOUN + ")\\b"
                    + "|\\b(?:" + BLANK_NOUN + ")\\b[^.!?]{0,120}?\\b(?:" + FILL_IN_VERB + ")\\b"
                    + "|(?:括号|占位符|字段)[^。！？]{0,30}(?:替换|填写))",
            Pattern.CASE_INSENSITIVE);

    /** A Markdown link's destination right after its text: "(#your-rights)", "(https://example.org/x)". */
    private static final Pattern LINK_DESTINATION = Pattern.compile("\\([^)\\s]+\\)");
    /** A reference link's label right after its text: "[contributing]". */
    private static final Pattern LINK_LABEL = Pattern.compile("\\[([^\\]\\n]{1,60})]");
    /** How far before a placeholder such an instruction is looked for: the template's own section. */
    private static final int INSTRUCTION_REACH = 1500;
    /** Every character a placeholder can start with (the pattern folds ASCII case only: x and X). */
    private static final String PLACEHOLDER_FIRST = "[<{Xx×＊某";

    @Override
    public Check check() {
        return Check.TODO_MARKERS;
    }

    /** {{name}} and &lt;name&gt; look like code to the prose mask, so placeholders are looked for in the text as written. */
    private static String original(TextBlock block, Findings out) {
        return out.text().blockText(block);
    }

    @Override
    public Set<BlockKind> reads() {
        return Kinds.WORDS_AND_REFERENCES;
    }

    private static boolean namesAFile(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        String after = text.substring(end, Math.min(text.length(), end + 6));
        return FILE_BEFORE.matcher(before).find() || FILE_AFTER.matcher(after).find();
    }

    /** Whether the text shortly before {@code at} tells the reader to replace the fields or brackets that follow. */
    static boolean templateToFillIn(String document, int at) {
        // a region with transparent bounds: a window that starts inside a word ("re|fill in") is no word boundary
        int from = Math.max(0, at - INSTRUCTION_REACH);
        return FILL_IN_INSTRUCTION.matcher(document).region(from, Math.min(at, document.length()))
                .useTransparentBounds(true).find();
    }

    /**
     * The quotations short enough to be a quoted term or a line of speech. A long "quotation" between straight quotes is
     * more often two unrelated marks (an inch sign, an unclosed quote) paired up around a real leftover.
     */
    private static List<Span> shortQuotations(String text) {
        return Quotations.find(text).stream().filter(q -> q.end() - q.start() <= QUOTED_SPEECH).toList();
    }

    /**
     * Whether the placeholder at {@code [start, end)} is part of a larger form a quotation shows ("“n = [number of
     * respondents]”"); a quotation that holds nothing but the placeholder ("[insert subject]" as a mail's subject) is
     * still a blank left to fill.
     */
    private static boolean isShownInAForm(List<Span> quoted, String text, int start, int end) {
        for (Span q : quoted) {
            if (q.start() <= start && end <= q.end()) {
                String rest = text.substring(q.start() + 1, start) + text.substring(end, q.end() - 1);
                return rest.chars().anyMatch(Character::isLetterOrDigit) || rest.indexOf('=') >= 0;
            }
        }
        return false;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        StartScan markers = new StartScan(MARKERS, text, StartScan.oneOf(MARKER_FIRST));
        Matcher m = markers.matcher();
        List<Span> quoted = null; // found once, only in a block that has a marker
        while (markers.find()) {
            String marker = m.group();
            if (namesAFile(text, m.start(), m.end())) {
                continue;
            }
            quoted = quoted == null ? shortQuotations(text) : quoted;
            if (Quotations.inside(quoted, m.start(), m.end())) {
                continue; // quoted speech or a term: the kernel's management style, "but what about XXX?"
            }
            out.add(block, m.start(), m.end(), Check.TODO_MARKERS, Severity.WARNING,
                    out.message("todo_markers.message", marker), null,
                    "todo_markers/" + marker.toLowerCase(Locale.ROOT).replace(' ', '_'));
        }
        String original = original(block, out);
        StartScan placeholders = new StartScan(PLACEHOLDERS, original, StartScan.oneOf(PLACEHOLDER_FIRST));
        Matcher p = placeholders.matcher();
        List<Span> quotedForms = null;
        while (placeholders.find()) {
            if (templateToFillIn(out.text().text(), block.start() + p.start())) {
                continue;
            }
            if (isLinkText(original, out.text().text(), p.end())) {
                continue; // "[Your rights with respect to your information](#your-rights…)": a link's words
            }
            quotedForms = quotedForms == null ? shortQuotations(original) : quotedForms;
            if (isShownInAForm(quotedForms, original, p.start(), p.end())) {
                continue; // a form the text shows: a chart's label "in the form “n = [number of respondents]”"
            }
            // an option within the 80 characters before, with a space or "=" between ("-A, --user-agent <name>")
            if (out.facts().optionSyntax().optionRightBefore(block.start() + p.start(),
                    block.start() + Math.max(0, p.start() - 80), out.text().text())) {
                continue; // "--engine <name>": the value an option takes, written in a manual's syntax
            }
            out.add(block, p.start(), p.end(), Check.TODO_MARKERS, Severity.WARNING,
                    out.message("todo_markers.placeholder", p.group()), null,
                    "todo_markers/placeholder");
        }
    }

    /**
     * Whether the bracket that closes at {@code end} is a Markdown link's text: a destination follows at once
     * ({@code (#anchor)}, {@code (https://…)}), or a reference label the document defines ({@code [contributing]} with
     * a {@code [contributing]: …} line). Its words lead to a section or a page ("[Your rights with respect to your
     * information]", "[your CONTRIBUTING file]"), they are no blank to fill in; "[First name][Last name]" still is.
     */
    private static boolean isLinkText(String block, String document, int end) {
        if (end >= block.length() || block.charAt(end - 1) != ']') {
            return false;
        }
        if (LINK_DESTINATION.matcher(block).region(end, block.length()).lookingAt()) {
            return true;
        }
        Matcher label = LINK_LABEL.matcher(block).region(end, block.length());
        return label.lookingAt() && document.contains("[" + label.group(1) + "]:");
    }
}
