package dev.docannotator.document.text;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.LineJoin;
import dev.docannotator.document.TrimmedRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays a text or Markdown document out as blocks of the text model. Hard-wrapped lines are joined into paragraphs
 * ({@link LineJoin}); a blank line, a list item, a heading, and in Markdown any block construct (fence, quote, table,
 * HTML, thematic break) ends a paragraph. In plain text a change of indentation after a line that ends a sentence,
 * or a line ending a sentence well short of the text's wrap width, ends it too. Headings, list items, table cells
 * and code lines are blocks of their own with their kind; Markdown markers ({@code #}, {@code - }, {@code > },
 * table pipes, fences) are not part of any block. Stateless apart from the document being laid out.
 */
final class TextLayout {
    private static final Pattern LIST_MARKER = Pattern.compile("([-*+•‣◦▪]|\\d{1,3}[.)]|\\([a-zA-Z0-9]{1,3}\\))[ \\t]+(?=\\S)");
    /** A shell prompt and a command name: {@code $ grep -n}, {@code $ ./configure}, {@code $ sudo make install}. */
    private static final Pattern SHELL_PROMPT = Pattern.compile("\\$ (?:sudo )?[a-z_./][\\w./+-]*(?: |$)");
    /**
     * A Markdown heading's marker: "## Title", and "###Title" as kramdown (Jekyll's Markdown) and older renderers read
     * it (GOV.UK's service manual writes its headings so); one "#" before a word is a hashtag.
     */
    private static final Pattern ATX_HEADING = Pattern.compile("(#{1,6})(?:[ \\t]+|$|(?<=##)(?=\\p{L}))");
    private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,}).*");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("([-*_])(?:[ \\t]*\\1){2,}[ \\t]*");
    private static final Pattern UNDERLINE = Pattern.compile("(=+|-+)[ \\t]*");
    private static final Pattern TABLE_DELIMITER = Pattern.compile("\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*");
    private static final Pattern HTML_BLOCK = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(?:[\\s/>]|$).*|<!--.*");
    private static final Pattern LINK_DEFINITION = Pattern.compile("\\[[^\\]]+\\]:[ \\t]*\\S+.*");
    /** A reStructuredText directive or target opening a line: ".. code-block:: python", ".. _label:". */
    private static final Pattern RST_DIRECTIVE = Pattern.compile("\\.\\. (?:[\\w-]+::|_[^:]+:)");
    /** A directive's option line: ":caption: settings.py", ":linenos:". */
    private static final Pattern DIRECTIVE_OPTION = Pattern.compile(":[\\w-]+:(?:\\s.*)?");
    /** A directive whose body is code: ".. code-block:: none", ".. sourcecode:: python". */
    private static final Pattern CODE_DIRECTIVE = Pattern.compile(
            "\\.\\. (?:code-block|code|sourcecode|doctest|testcode|parsed-literal)::");
    private static final Pattern QUOTE_MARKERS = Pattern.compile("(?:>[ \\t]?)+");
    /** A note set off as a quotation, in the author's own words, even among quotations: "> **Note:**", "> [!WARNING]". */
    private static final Pattern ADMONITION = Pattern.compile(
            "(?:(?:\\*\\*|__)(?:note|warning|tip|important|caution|info|hint)\\b|\\[!(?:note|warning|tip|important"
                    + "|caution)]|(?:note|warning|tip|important|caution|hint)\\s*:)", Pattern.CASE_INSENSITIVE);
    /** A manual page's running header and footer: {@code LS(1)  User Commands  LS(1)}, {@code GNU grep 3.8  …  GREP(1)}. */
    private static final Pattern MAN_HEADER = Pattern.compile("(\\S+\\(\\w{1,6}\\)) {2,}.* {2,}\\1");
    private static final Pattern MAN_FOOTER = Pattern.compile("\\S.* {2,}(\\S+\\(\\w{1,6}\\))");
    /** A row's column gap: two spaces or more that do not follow a sentence's end (two spaces after a full stop). */
    private static final Pattern COLUMN_GAP = Pattern.compile("(?<![.!?:;。！？：；,，]) {2,}(?=\\S)");
    /** A table's ruled line: box-drawing characters, dashes or equals signs only. */
    private static final Pattern TABLE_RULE = Pattern.compile("[-=\u2500-\u257F ]{3,}");
    /** Fewest rows (rules not counted) of aligned columns that make a plain-text table rather than a coincidence. */
    private static final int MIN_TABLE_ROWS = 3;
    /** The least run of spaces that still separates two columns on a line as wide as a justified paragraph's. */
    private static final int JUSTIFIED_COLUMN_GAP = 4;
    /** Lines at least this wide (terminal columns) tell the margin a formatter justified the text to. */
    private static final int LONG_LINE = 40;
    /** How many lines around a line-start enumerator are searched for the items next to it. */
    private static final int ENUMERATION_REACH = 3;
    /** A line under this share of the text's usual width stops short: the wrap did not end it. */
    private static final double SHORT_LINE = 0.6;
    /** Fewest short lines in a row that make a list written one item a line rather than a paragraph's last lines. */
    private static final int MIN_LIST_LINES = 3;
    /** How much deeper than the sentence before it an example is set (groff indents nested text by 3–7 columns). */
    private static final int DISPLAY_INDENT = 8;

    /** The laid-out document: the source it came from, its blocks, and how extracted offsets map to the source. */
    record Laid(String source, List<Block> blocks, String text, SourceMap map) {
    }

    /**
     * A whole paragraph that is one link, perhaps in emphasis: {@code **[text](url)**}; the destination may hold one
     * pair of brackets (a Wikipedia address) and a title ({@code (url "title")}).
     */
    private static final Pattern ONLY_A_LINK = Pattern.compile(
            "[*_]*\\[[^\\]]+]\\((?:[^()\\s]|\\([^()\\s]*\\))+(?:\\s+\"[^\"]*\")?\\)[*_]*[.。]?\\s*");

    /** One block's text and kind. */
    record Block(String text, BlockKind kind) {
    }

    private record Line(int start, int end, int contentStart, int contentEnd, int indent) {
        boolean blank() {
            return contentStart == contentEnd;
        }
    }

    private final String source;
    private final boolean markdown;
    private final List<Line> lines = new ArrayList<>();
    private final Set<String> hyphenated = new HashSet<>();
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final SourceMap.Builder map = new SourceMap.Builder();
    private final int wrapWidth;
    /** The widest line in terminal columns (a CJK character takes two), to compare lines laid out by a formatter. */
    private final int displayWrapWidth;
    /** The width most lines reach ({@link #usualWidth()}); 0 in a text without long lines. */
    private final int usualWidth;
    /**
     * The right margin a formatter justified the text to: the most common width of the longer lines. A line that
     * reaches it is justified prose, whose runs of spaces are padding, not column gaps.
     */
    private final int justifiedMargin;
    /**
     * Lines that are items of a list written one a line (a package a line, a name a line): see {@link #markListLines}.
     */
    private final boolean[] listLine;
    /**
     * How deep a manual page sets the text of its sections: the usual indentation of the first line under a heading in
     * capitals at the margin (7 in groff's output), or 0 when no such text is indented. A subsection's heading sits
     * between the margin and it.
     */
    private final int sectionBodyIndent;
    /**
     * For each line, the indentation of the last heading in capitals above it, shallower than the sections' text (-1
     * if none), and the least indentation of the lines between that heading and it: see {@link #isSubsectionHeading}.
     */
    private final int[] headingIndentAbove;
    private final int[] leastIndentSinceHeading;

    private TextLayout(String source, boolean markdown) {
        this.source = source;
        this.markdown = markdown;
        int maxWidth = 0;
        int maxDisplayWidth = 0;
        int start = 0;
        while (start <= source.length()) {
            int end = source.indexOf('\n', start);
            if (end < 0) {
                end = source.length();
            }
            Line line = line(start, end);
            lines.add(line);
            maxWidth = Math.max(maxWidth, line.indent() + line.contentEnd() - line.contentStart());
            maxDisplayWidth = Math.max(maxDisplayWidth, displayWidth(line));
            start = end + 1;
        }
        this.wrapWidth = maxWidth;
        this.displayWrapWidth = maxDisplayWidth;
        this.justifiedMargin = commonLongWidth();
        this.usualWidth = usualWidth();
        this.listLine = markListLines();
        this.sectionBodyIndent = markdown ? 0 : sectionBodyIndent();
        this.headingIndentAbove = new int[lines.size()];
        this.leastIndentSinceHeading = new int[lines.size()];
        markHeadingsAbove();
        LineJoin.hyphenatedPairs(source, hyphenated);
    }

    /** Lays out {@code source} (LF line ends, no BOM). */
    static Laid layout(String source, boolean markdown) {
        TextLayout layout = new TextLayout(source, markdown);
        layout.run();
        List<Block> blocks = markdown ? layout.blocks.stream().map(TextLayout::asLinkEntry).toList()
                : List.copyOf(layout.blocks);
        return new Laid(source, blocks, layout.text.toString(), layout.map.build(source.length()));
    }

    /**
     * A Markdown paragraph that is nothing but a link ({@code [顺丰科技 Service Mesh：落地半年…](http://…)}, one line of a
     * further-reading list) cites another work by its title: a reference, not the author's sentence. A list item that
     * is a link stays the author's: a release's list of features names each as the author writes it
     * ({@code - [WebAssembly Tail Call](https://…)}).
     */
    private static Block asLinkEntry(Block block) {
        return block.kind() == BlockKind.PROSE && ONLY_A_LINK.matcher(block.text()).matches()
                ? new Block(block.text(), BlockKind.REFERENCE) : block;
    }

    private Line line(int start, int end) {
        int content = start;
        int indent = 0;
        while (content < end && (source.charAt(content) == ' ' || source.charAt(content) == '\t')) {
            indent += source.charAt(content) == '\t' ? 4 - indent % 4 : 1;
            content++;
        }
        int contentEnd = end;
        while (contentEnd > content && Character.isWhitespace(source.charAt(contentEnd - 1))) {
            contentEnd--;
        }
        return new Line(start, end, content, contentEnd, indent);
    }

    private String content(int i) {
        Line line = lines.get(i);
        return source.substring(line.contentStart(), line.contentEnd());
    }

    private boolean blank(int i) {
        return i >= lines.size() || lines.get(i).blank();
    }

    private void run() {
        int i = 0;
        if (markdown && !lines.isEmpty() && content(0).equals("---")) {
            i = codeUntil(1, "---", "...");
        }
        while (i < lines.size()) {
            if (blank(i)) {
                i++;
            } else if (markdown) {
                i = markdownBlock(i);
            } else {
                i = textBlock(i);
            }
        }
    }

    private int textBlock(int i) {
        Matcher footer = MAN_FOOTER.matcher(content(i));
        if (MAN_HEADER.matcher(content(i)).matches() || footer.matches() && footer.group(1).equals(manTitle())) {
            Line line = lines.get(i);
            BlockBuilder b = new BlockBuilder(BlockKind.FURNITURE);
            b.piece(line.contentStart(), line.contentEnd());
            b.finish();
            return i + 1;
        }
        if (RST_DIRECTIVE.matcher(content(i)).lookingAt()) {
            codeLine(i); // ".. code-block:: none", ".. _unicode-howto:": markup, not the author's sentence
            int j = i + 1;
            while (j < lines.size() && DIRECTIVE_OPTION.matcher(content(j)).matches()
                    && lines.get(j).indent() > lines.get(i).indent()) {
                codeLine(j); // its options, ":caption: settings.py"
                j++;
            }
            return j;
        }
        int introIndent = literalBlockIntro(i);
        if (introIndent >= 0) {
            // reStructuredText's literal block: the indented lines after a paragraph ending in "::" or a code
            // directive are code, blank lines and all, up to the first line back at the paragraph's indentation
            int j = i;
            while (j < lines.size() && (blank(j) || lines.get(j).indent() > introIndent)) {
                if (!blank(j)) {
                    codeLine(j);
                }
                j++;
            }
            return j;
        }
        if (isDisplayedExample(i) || isShellSession(i)) {
            int j = i;
            while (!blank(j) && lines.get(j).indent() >= lines.get(i).indent()) {
                codeLine(j);
                j++;
            }
            return j;
        }
        int tableEnd = tableEnd(i);
        if (tableEnd > i) {
            OpenCell lastCell = null;
            for (int j = i; j < tableEnd; j++) {
                if (TABLE_RULE.matcher(content(j)).matches()) {
                    continue;
                }
                if (lastCell != null && cellColumns(j).isEmpty()
                        && isInColumn(lines.get(j).indent(), Set.of(lastCell.column()))) {
                    // the row's last cell wrapped within its column: "helped making" over "this software"
                    lastCell.cell().line(lines.get(j).contentStart(), lines.get(j).contentEnd());
                    continue;
                }
                if (lastCell != null) {
                    lastCell.cell().finish();
                }
                // a new row, or an earlier column's cell wrapped under itself ("unsigned" over "integer"): its own
                // cell, since the cells before the last are finished and the text model keeps blocks in order
                lastCell = textRow(lines.get(j));
            }
            if (lastCell != null) {
                lastCell.cell().finish();
            }
            return tableEnd;
        }
        if (isCapsHeading(i) || isSubsectionHeading(i)) {
            Line line = lines.get(i);
            BlockBuilder b = new BlockBuilder(BlockKind.HEADING);
            b.piece(line.contentStart(), line.contentEnd());
            b.finish();
            return i + 1;
        }
        return paragraph(i);
    }

    /**
     * A command set off under the sentence that introduces it ("… in 180 days:", then {@code chage -E $(date -d
     * +180days +%Y-%m-%d)} indented far deeper): a plain-text manual's example, code rather than prose.
     */
    private boolean isDisplayedExample(int i) {
        int prev = i - 1;
        while (prev >= 0 && blank(prev)) {
            prev--;
        }
        return prev >= 0 && prev < i - 1 && content(prev).endsWith(":")
                && lines.get(i).indent() >= lines.get(prev).indent() + DISPLAY_INDENT;
    }

    /**
     * A line set off from the text (after a blank line, or indented under the line before) that starts with a shell
     * prompt and a command ({@code $ lexgrog -fw man.1}): a session typed at a terminal, the command and the output
     * under it, code rather than prose. A wrapped sentence that happens to start with "$" continues a line and is not
     * set off; a price ("$ 30") is no command.
     */
    private boolean isShellSession(int i) {
        if (!SHELL_PROMPT.matcher(content(i)).lookingAt()) {
            return false;
        }
        return i == 0 || blank(i - 1) || lines.get(i).indent() > lines.get(i - 1).indent();
    }

    /**
     * The title of a manual page's running header ({@code GREP(1)} of {@code GREP(1)  User Commands  GREP(1)}) when
     * the document starts with one, which its footer ends with; empty otherwise.
     */
    private String manTitle() {
        for (int i = 0; i < lines.size(); i++) {
            if (!blank(i)) {
                Matcher header = MAN_HEADER.matcher(content(i));
                return header.matches() ? header.group(1) : "";
            }
        }
        return "";
    }

    /**
     * Where a plain-text table starting at line {@code i} ends, or {@code i} when none starts there: consecutive lines
     * (ruled lines allowed among them) that share a column, a cell starting at the same terminal column after a gap
     * of two spaces or more in every row (give or take a column), at least {@link #MIN_TABLE_ROWS} rows. A justified paragraph has runs of
     * spaces too, but they do not line up from one line to the next.
     */
    private int tableEnd(int i) {
        Set<Integer> shared = cellColumns(i);
        if (shared.isEmpty()) {
            return i;
        }
        int j = i + 1;
        int rows = 1;
        while (!blank(j)) {
            if (TABLE_RULE.matcher(content(j)).matches()) {
                j++;
                continue;
            }
            Set<Integer> cells = cellColumns(j);
            if (cells.isEmpty() && isInColumn(lines.get(j).indent(), shared)) {
                j++; // a cell wrapped onto a line of its own, under its column
                continue;
            }
            Set<Integer> next = new HashSet<>();
            for (int column : cells) {
                // a centred heading may sit one column off its cells
                if (shared.contains(column) || shared.contains(column - 1) || shared.contains(column + 1)) {
                    next.add(column);
                }
            }
            if (next.isEmpty()) {
                break;
            }
            shared = next;
            rows++;
            j++;
        }
        while (j > i + 1 && TABLE_RULE.matcher(content(j - 1)).matches()) {
            j--;
        }
        return rows >= MIN_TABLE_ROWS ? j : i;
    }

    /**
     * A writer who wraps fills the line: three or more lines in a row at one indentation, each stopping short (under
     * {@link #SHORT_LINE} of the text's usual width) without ending a sentence, are not a wrapped paragraph but a
     * list written one item a line ("glibc >= 2.16", "libcap", "libmount >= 2.30"). Each is a block of its own, and the
     * line before such a run does not run on into it. Plain text only: Markdown joins lines by its own rules.
     */
    private boolean[] markListLines() {
        boolean[] marked = new boolean[lines.size()];
        int usual = usualWidth;
        if (markdown || usual == 0) {
            return marked;
        }
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && isShortOpenLine(j, usual) && lines.get(j).indent() == lines.get(i).indent()) {
                j++;
            }
            if (j - i >= MIN_LIST_LINES) {
                for (int k = i; k < j; k++) {
                    marked[k] = true;
                }
            }
            i = Math.max(j, i + 1);
        }
        return marked;
    }

    private boolean isShortOpenLine(int i, int usual) {
        return !blank(i) && displayWidth(lines.get(i)) < usual * SHORT_LINE && !endsSentence(i);
    }

    /** The width most lines of the text reach: the 90th percentile of the lines at least {@link #LONG_LINE} wide. */
    private int usualWidth() {
        List<Integer> widths = new ArrayList<>();
        for (Line line : lines) {
            int width = displayWidth(line);
            if (width >= LONG_LINE) {
                widths.add(width);
            }
        }
        if (widths.isEmpty()) {
            return 0;
        }
        widths.sort(null);
        return widths.get(widths.size() * 9 / 10);
    }

    private int commonLongWidth() {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = Integer.MAX_VALUE;
        int bestCount = 0;
        for (Line line : lines) {
            int width = displayWidth(line);
            if (width >= LONG_LINE) {
                int count = counts.merge(width, 1, Integer::sum);
                if (count > bestCount) {
                    bestCount = count;
                    best = width;
                }
            }
        }
        return best;
    }

    /**
     * The terminal columns where a cell starts after a column gap in line {@code i}. On a line that reaches the
     * justified margin only a wide gap counts: justifying spreads a line's words by a space or two, a table's columns
     * are set further apart ("THANKS              Incomplete list of people who have helped making").
     */
    private Set<Integer> cellColumns(int i) {
        Set<Integer> columns = new HashSet<>();
        Line line = lines.get(i);
        boolean justified = displayWidth(line) >= justifiedMargin - 1;
        Matcher gap = COLUMN_GAP.matcher(source).region(line.contentStart(), line.contentEnd());
        while (gap.find()) {
            if (!justified || gap.end() - gap.start() >= JUSTIFIED_COLUMN_GAP) {
                columns.add(line.indent() + displayWidth(line.contentStart(), gap.end()));
            }
        }
        return columns;
    }

    private static boolean isInColumn(int indent, Set<Integer> columns) {
        return columns.contains(indent) || columns.contains(indent - 1) || columns.contains(indent + 1);
    }

    /** A table row's last cell, still open for the lines it wraps onto, and the display column it starts at. */
    private record OpenCell(BlockBuilder cell, int column) {
    }

    /**
     * One block per cell of a plain-text table row, split at its column gaps; the last cell is returned unfinished, so
     * that the lines it wraps onto can join it.
     */
    private OpenCell textRow(Line row) {
        Matcher gap = COLUMN_GAP.matcher(source).region(row.contentStart(), row.contentEnd());
        int from = row.contentStart();
        BlockBuilder b = null;
        int column = row.indent();
        while (from < row.contentEnd()) {
            if (b != null) {
                b.finish();
            }
            int to = gap.find() ? gap.start() : row.contentEnd();
            b = new BlockBuilder(BlockKind.TABLE_CELL);
            b.piece(from, to);
            column = row.indent() + displayWidth(row.contentStart(), from);
            from = to == row.contentEnd() ? to : gap.end();
        }
        return b == null ? null : new OpenCell(b, column);
    }

    private int displayWidth(Line line) {
        return line.indent() + displayWidth(line.contentStart(), line.contentEnd());
    }

    /** Terminal columns of source {@code [from, to)}: two for a wide (CJK, full-width) character, one otherwise. */
    private int displayWidth(int from, int to) {
        int width = 0;
        for (int k = from; k < to; k++) {
            char c = source.charAt(k);
            width += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                    || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                    || c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
        }
        return width;
    }

    private int markdownBlock(int i) {
        Line line = lines.get(i);
        String content = content(i);
        if (line.indent() >= 4) {
            return indentedCode(i);
        }
        Matcher fence = FENCE.matcher(content);
        if (fence.matches()) {
            String marker = fence.group(1);
            return codeUntil(i + 1, marker, null);
        }
        Matcher atx = ATX_HEADING.matcher(content);
        if (atx.lookingAt()) {
            int from = line.contentStart() + atx.end();
            int to = line.contentEnd();
            // a closing sequence of #s is no part of the heading
            int close = to;
            while (close > from && source.charAt(close - 1) == '#') {
                close--;
            }
            if (close < to && (close == from || Character.isWhitespace(source.charAt(close - 1)))) {
                to = close;
                while (to > from && Character.isWhitespace(source.charAt(to - 1))) {
                    to--;
                }
            }
            BlockBuilder b = new BlockBuilder(BlockKind.HEADING);
            b.piece(from, to);
            b.finish();
            return i + 1;
        }
        if (THEMATIC_BREAK.matcher(content).matches()) {
            return i + 1;
        }
        if (isTableStart(i)) {
            return table(i);
        }
        if (HTML_BLOCK.matcher(content).matches() || LINK_DEFINITION.matcher(content).matches()) {
            int j = i;
            while (!blank(j)) {
                BlockBuilder b = new BlockBuilder(BlockKind.CODE);
                b.piece(lines.get(j).contentStart(), lines.get(j).contentEnd());
                b.finish();
                j++;
            }
            return j;
        }
        return paragraph(i);
    }

    /** A paragraph or list item starting at line {@code i}; returns the line after it. */
    private int paragraph(int i) {
        Line first = lines.get(i);
        Matcher marker = LIST_MARKER.matcher(source).region(first.contentStart(), first.contentEnd());
        boolean listItem = marker.lookingAt();
        int start = listItem ? marker.end() : contentStart(i);
        if (listItem && !markdown && isItemTitle(i, start)) {
            // "4. Integrity of The Author's Source Code" over the item's text: the title is a heading of its own
            BlockBuilder title = new BlockBuilder(BlockKind.HEADING);
            title.piece(start, first.contentEnd());
            title.finish();
            return lines(i + 1, contentStart(i + 1), lines.get(i + 1).indent(), false, BlockKind.LIST_ITEM);
        }
        int firstIndent = first.indent();
        int description = listItem || markdown ? -1 : runInDescription(i);
        if (description >= 0) {
            // the term is a block of its own, as when it stands on a line of its own over its description
            BlockBuilder term = new BlockBuilder(BlockKind.PROSE);
            term.piece(start, TrimmedRange.of(source, start, description).end());
            term.finish();
            start = description;
            firstIndent = lines.get(i + 1).indent();
        }
        BlockKind kind = listItem ? BlockKind.LIST_ITEM
                : markdown && isQuoted(i) && !ADMONITION.matcher(source).region(start, first.contentEnd()).lookingAt()
                ? BlockKind.QUOTATION : BlockKind.PROSE;
        return lines(i, start, firstIndent, listItem, kind);
    }

    /**
     * The block whose text starts at {@code start} on line {@code i} and goes on over the lines that continue it;
     * returns the line after it.
     */
    private int lines(int i, int start, int firstIndent, boolean listItem, BlockKind kind) {
        Line first = lines.get(i);
        BlockBuilder b = new BlockBuilder(kind);
        b.piece(start, first.contentEnd());
        int j = i + 1;
        while (j < lines.size() && !blank(j)) {
            if (isUnderline(j) && !listItem) {
                b.kind = BlockKind.HEADING;
                j++;
                break;
            }
            if (!continues(i, j, listItem, firstIndent)) {
                break;
            }
            b.line(contentStart(j), lines.get(j).contentEnd());
            j++;
        }
        if (b.kind == BlockKind.QUOTATION && !isQuotationInContext(i, j)) {
            b.kind = BlockKind.PROSE;
        }
        b.finish();
        return j;
    }

    /**
     * Whether the quoted lines {@code [first, end)} quote someone: one of a series of quotations set between rules
     * (survey answers), or introduced by a line ending in a colon ("The answers we received:"). Blocks set off with
     * ">" in a README or release notes, one or several, are more often the author's own call-outs ("> Upgrading needs
     * a migration").
     */
    private boolean isQuotationInContext(int first, int end) {
        int before = first - 1;
        while (before >= 0 && (blank(before) || THEMATIC_BREAK.matcher(content(before)).matches())) {
            before--;
        }
        int after = end;
        while (after < lines.size() && (blank(after) || THEMATIC_BREAK.matcher(content(after)).matches())) {
            after++;
        }
        return before >= 0 && (isQuoted(before) && rules(before, first) || content(before).endsWith(":"))
                || after < lines.size() && isQuoted(after) && rules(end, after);
    }

    /** Whether a thematic break ("-----") stands between lines {@code from} and {@code to}. */
    private boolean rules(int from, int to) {
        for (int k = from; k < to; k++) {
            if (!blank(k) && THEMATIC_BREAK.matcher(content(k)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A list item's first line that is its title: a few words like a title, no sentence end, and the item's text
     * starting a sentence on the next line, indented under it, although its first word would have fitted on the title's
     * line (a writer who wraps fills the line). The social contract's "4. Integrity of The Author's Source Code" over
     * "The license may restrict …" is read as one 52-word sentence otherwise.
     */
    private boolean isItemTitle(int i, int textStart) {
        if (blank(i + 1) || endsSentence(i) || lines.get(i + 1).indent() <= lines.get(i).indent()
                || !isTitleLike(source.substring(textStart, lines.get(i).contentEnd()))) {
            return false;
        }
        Line next = lines.get(i + 1);
        if (!Character.isUpperCase(source.charAt(next.contentStart()))) {
            return false;
        }
        int word = next.contentStart();
        while (word < next.contentEnd() && !Character.isWhitespace(source.charAt(word))) {
            word++;
        }
        return usualWidth > 0
                && displayWidth(lines.get(i)) + 1 + displayWidth(next.contentStart(), word) <= usualWidth;
    }

    /** Where a line's text starts: after its indentation and, in Markdown, after its quote markers. */
    private int contentStart(int i) {
        Line line = lines.get(i);
        if (markdown) {
            Matcher quote = QUOTE_MARKERS.matcher(source).region(line.contentStart(), line.contentEnd());
            if (quote.lookingAt()) {
                return quote.end();
            }
        }
        return line.contentStart();
    }

    /**
     * Where the description starts on line {@code i} when the line runs a definition's term and its description
     * together, as a manual's tagged paragraph does when the term is shorter than the indentation ("Tests  Tests
     * return a true or false value, usually", the next lines indented to where "Tests return" starts): a gap of two
     * spaces or more ending at the column the next line is indented to. -1 when the line is no such line.
     */
    private int runInDescription(int i) {
        if (blank(i + 1)) {
            return -1;
        }
        Line line = lines.get(i);
        int column = lines.get(i + 1).indent();
        if (column <= line.indent()) {
            return -1;
        }
        int at = line.contentStart();
        int width = line.indent();
        while (at < line.contentEnd() && width < column) {
            width += source.charAt(at) == '\t' ? 4 - width % 4 : displayWidth(at, at + 1);
            at++;
        }
        if (width != column || at >= line.contentEnd() || at - line.contentStart() < 3
                || source.charAt(at) == ' ' || source.charAt(at) == '\t' || !gapBefore(at)) {
            return -1;
        }
        int termEnd = TrimmedRange.of(source, line.contentStart(), at).end();
        // a term is one cell: runs of spaces inside it are a justified line's padding, not a term
        return source.substring(line.contentStart(), termEnd).contains("  ") ? -1 : at;
    }

    /** Whether two spaces (or a tab) come right before source offset {@code at}. */
    private boolean gapBefore(int at) {
        char before = source.charAt(at - 1);
        return before == '\t' || before == ' ' && (source.charAt(at - 2) == ' ' || source.charAt(at - 2) == '\t');
    }

    /**
     * Whether line {@code j} continues the block that starts at line {@code first}, whose first line's text starts at
     * column {@code firstIndent} (deeper than the line's indentation after a run-in term).
     */
    private boolean continues(int first, int j, boolean listItem, int firstIndent) {
        int prev = j - 1;
        if (startsBlock(j, prev)) {
            return false;
        }
        if (markdown) {
            // a quote ends where the quoted lines end, and quoted lines do not continue a plain paragraph
            return isQuoted(first) == isQuoted(j) || !isQuoted(j);
        }
        if (listLine[prev] || listLine[j]) {
            return false; // one item a line
        }
        Line previous = lines.get(prev);
        Line current = lines.get(j);
        int previousIndent = prev == first ? firstIndent : previous.indent();
        if (prev == first && !listItem && current.indent() > previousIndent
                && displayWidth(previous) <= displayWrapWidth / 2) {
            // a short line over a more indented block: a definition's term (a manual's "-E, --encoding=ENC" over its
            // description), not the start of a sentence that runs on into the description
            return false;
        }
        if (!endsSentence(prev)) {
            return true;
        }
        if (previous.indent() + previous.contentEnd() - previous.contentStart() < wrapWidth * 0.6) {
            return false; // a short last line: the paragraph ended there
        }
        if (prev == first) {
            // a first line indented more than the rest is how paragraphs start; a hanging list item is indented less
            return listItem ? current.indent() > previousIndent : current.indent() <= previousIndent;
        }
        return current.indent() == previous.indent();
    }

    private boolean isQuoted(int i) {
        return contentStart(i) != lines.get(i).contentStart();
    }

    /** Whether line {@code j} starts a block of its own even without a blank line before it. */
    private boolean startsBlock(int j, int prev) {
        Line line = lines.get(j);
        Matcher marker = LIST_MARKER.matcher(source).region(line.contentStart(), line.contentEnd());
        if (marker.lookingAt()) {
            // "… as set out in section\n2. The …": a number starts an item only after a line that could end one
            boolean numbered = Character.isDigit(source.charAt(line.contentStart()));
            boolean endsClause = endsSentence(prev) || content(prev).endsWith(":");
            if (markdown || endsClause || !numbered && !InlineEnumeration.runsInline(source, paragraphStart(prev),
                    line.contentStart(), paragraphEnd(j))) {
                return true;
            }
        }
        if (!markdown) {
            return startsWithTheSameSymbol(j, prev);
        }
        String content = content(j);
        return line.indent() < 4 && (ATX_HEADING.matcher(content).lookingAt() || FENCE.matcher(content).matches()
                || THEMATIC_BREAK.matcher(content).matches() || isTableStart(j)
                || HTML_BLOCK.matcher(content).matches());
    }

    /**
     * Lines in one column that start with the same symbol ("≥ 4.3 for ambient capabilities" over "≥ 4.5 for pids
     * controller", "→", "●", "✓") are items marked by it, as by a bullet. Only symbols outside ASCII: ">" starts the
     * lines of a quoted e-mail, which are wrapped prose.
     */
    private boolean startsWithTheSameSymbol(int j, int prev) {
        Line line = lines.get(j);
        Line previous = lines.get(prev);
        if (line.indent() != previous.indent() || line.blank() || previous.blank()) {
            return false;
        }
        char c = source.charAt(line.contentStart());
        int type = Character.getType(c);
        return c > 0x7F && (type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL)
                && source.charAt(previous.contentStart()) == c;
    }

    /**
     * Where the text around line {@code i} starts: up to {@link #ENUMERATION_REACH} lines back, not past a blank line.
     * An inline enumeration's neighbouring item is that close; a bounded window keeps a hostile paragraph of thousands
     * of "(a)" lines linear.
     */
    private int paragraphStart(int i) {
        int k = i;
        while (k > 0 && i - k < ENUMERATION_REACH && !blank(k - 1)) {
            k--;
        }
        return lines.get(k).contentStart();
    }

    /** Where the text around line {@code i} ends: up to {@link #ENUMERATION_REACH} lines on, not past a blank line. */
    private int paragraphEnd(int i) {
        int k = i;
        while (k + 1 < lines.size() && k - i < ENUMERATION_REACH && !blank(k + 1)) {
            k++;
        }
        return lines.get(k).contentEnd();
    }

    private boolean endsSentence(int i) {
        String content = content(i);
        if (content.isEmpty()) {
            return true;
        }
        char last = content.charAt(content.length() - 1);
        if ((last == ')' || last == '"' || last == '”' || last == '’' || last == '\'') && content.length() > 1) {
            last = content.charAt(content.length() - 2);
        }
        return ".!?:;。！？：；".indexOf(last) >= 0;
    }

    private boolean isUnderline(int j) {
        return j < lines.size() && lines.get(j).indent() < 4 && content(j).length() >= 3
                && UNDERLINE.matcher(content(j)).matches();
    }

    /** A short line in capitals standing alone (SEE ALSO, DESCRIPTION, TERMS AND CONDITIONS): a plain-text heading. */
    private boolean isCapsHeading(int i) {
        String content = content(i);
        int letters = 0;
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (letters < 2 || content.split("\\s+").length > 6 || endsSentence(i) && !content.endsWith(":")) {
            return false;
        }
        return blank(i + 1) || lines.get(i + 1).indent() > lines.get(i).indent();
    }

    /**
     * A manual page's subsection heading ("   Searching files by age" between "EXAMPLES" at the margin and the text at
     * column 7): a short title-like line set off by a blank line or a heading, indented less than the sections' text
     * and more than the heading in capitals it belongs to, over text at the sections' depth (right under it or after
     * one blank line). A definition's term
     * ("-name pattern", "Actions") sits at the text's depth, so it is none; nor is the first line of a hanging
     * paragraph whose term runs in with its description ("   Note:  the value is checked … and the program" over
     * "          stops when …"): the description goes on under it.
     */
    private boolean isSubsectionHeading(int i) {
        Line line = lines.get(i);
        int next = blank(i + 1) ? i + 2 : i + 1; // gpg(1) sets a blank line under its subsection headings
        if (line.indent() == 0 || line.indent() >= sectionBodyIndent || blank(next)
                || lines.get(next).indent() < sectionBodyIndent || endsSentence(i) || !isTitleLike(content(i))
                || LIST_MARKER.matcher(source).region(line.contentStart(), line.contentEnd()).lookingAt()) {
            return false;
        }
        if (i > 0 && !blank(i - 1) && lines.get(i - 1).indent() >= line.indent()) {
            return false; // a line inside a block, not set off
        }
        if (runInDescription(i) >= 0) {
            return false; // a term and the start of its description
        }
        // the nearest line above indented less is the heading of the section it divides
        return headingIndentAbove[i] >= 0 && headingIndentAbove[i] < line.indent()
                && leastIndentSinceHeading[i] >= line.indent();
    }

    /** Fills {@link #headingIndentAbove} and {@link #leastIndentSinceHeading} in one pass over the lines. */
    private void markHeadingsAbove() {
        int heading = -1;
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            headingIndentAbove[i] = heading;
            leastIndentSinceHeading[i] = least;
            if (blank(i)) {
                continue;
            }
            int indent = lines.get(i).indent();
            if (indent < sectionBodyIndent && isCapsHeading(i)) {
                heading = indent;
                least = Integer.MAX_VALUE;
            } else {
                least = Math.min(least, indent);
            }
        }
    }

    /** A few words starting with a capital, a quote or a letter without case (选项): not an option, path or sentence. */
    private static boolean isTitleLike(String content) {
        if (content.split("\\s+").length > 12 || "-+/$%<[{(*#".indexOf(content.charAt(0)) >= 0) {
            return false;
        }
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                return !Character.isLowerCase(c) || k > 0; // "“paths must precede expression” error message"
            }
        }
        return false;
    }

    /**
     * The indentation most often found on the first line under a heading in capitals at the margin (the shallower of
     * a tie); 0 if none. A first line with deeper lines right under it is a subsection's heading or a term, not text.
     */
    private int sectionBodyIndent() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!blank(i) && lines.get(i).indent() == 0 && isCapsHeading(i)) {
                int next = i + 1;
                while (next < lines.size() && blank(next)) {
                    next++;
                }
                int indent = next < lines.size() ? lines.get(next).indent() : 0;
                boolean overDeeper = !blank(next + 1) && lines.get(next + 1).indent() > indent;
                if (indent > 0 && !overDeeper) {
                    counts.merge(indent, 1, Integer::sum);
                }
            }
        }
        int best = 0;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private boolean isTableStart(int i) {
        return content(i).indexOf('|') >= 0 && i + 1 < lines.size() && content(i + 1).indexOf('-') >= 0
                && content(i + 1).indexOf('|') >= 0 && TABLE_DELIMITER.matcher(content(i + 1)).matches();
    }

    /** One block per non-empty cell, row after row; the delimiter row is skipped. */
    private int table(int i) {
        int j = i;
        while (j < lines.size() && !blank(j) && content(j).indexOf('|') >= 0) {
            if (j != i + 1) {
                cells(lines.get(j));
            }
            j++;
        }
        return j;
    }

    private void cells(Line row) {
        int from = row.contentStart();
        int end = row.contentEnd();
        if (from < end && source.charAt(from) == '|') {
            from++;
        }
        while (from < end) {
            int bar = from;
            while (bar < end && !(source.charAt(bar) == '|' && source.charAt(bar - 1) != '\\')) {
                bar++;
            }
            TrimmedRange cell = TrimmedRange.of(source, from, bar);
            if (!cell.isEmpty()) {
                BlockBuilder b = new BlockBuilder(BlockKind.TABLE_CELL);
                b.piece(cell.start(), cell.end());
                b.finish();
            }
            from = bar + 1;
        }
    }

    /** Lines indented by four or more columns (and the blank lines among them): one code block per line. */
    /**
     * The indentation of the line that opens a reStructuredText literal block for line {@code i}: the last line
     * before the blank lines above {@code i} ends in "::" (a paragraph's "the following examples show::") or is a code
     * directive, and line {@code i} is indented deeper. -1 when line {@code i} opens no literal block.
     */
    private int literalBlockIntro(int i) {
        int before = i - 1;
        if (before < 0 || !blank(before)) {
            return -1;
        }
        while (before >= 0 && blank(before)) {
            before--;
        }
        if (before < 0) {
            return -1;
        }
        int directiveLine = before;
        while (directiveLine > 0 && DIRECTIVE_OPTION.matcher(content(directiveLine)).matches()) {
            directiveLine--;
        }
        if (directiveLine < before && CODE_DIRECTIVE.matcher(content(directiveLine)).lookingAt()) {
            before = directiveLine; // ".. code-block:: python" over ":caption: settings.py": the options are its own
        }
        String intro = content(before);
        boolean directive = RST_DIRECTIVE.matcher(intro).lookingAt();
        // ".. note::" holds the author's prose; a paragraph's "::" and a code directive hold code
        if (!(intro.endsWith("::") && !directive) && !CODE_DIRECTIVE.matcher(intro).lookingAt()) {
            return -1;
        }
        int introIndent = lines.get(before).indent();
        // a directive's own indentation, or the paragraph's first line's: a wrapped paragraph keeps one indentation
        return lines.get(i).indent() > introIndent ? introIndent : -1;
    }

    private int indentedCode(int i) {
        int j = i;
        while (j < lines.size() && (blank(j) || lines.get(j).indent() >= 4)) {
            if (!blank(j)) {
                codeLine(j);
            }
            j++;
        }
        return j;
    }

    /** Code lines from {@code i} up to a line starting with {@code close} (or {@code alternative}); past it. */
    private int codeUntil(int i, String close, String alternative) {
        int j = i;
        while (j < lines.size()) {
            String content = content(j);
            boolean closing = content.startsWith(close) && content.chars().allMatch(c -> c == close.charAt(0))
                    || alternative != null && content.equals(alternative);
            if (closing) {
                return j + 1;
            }
            if (!blank(j)) {
                codeLine(j);
            }
            j++;
        }
        return j;
    }

    private void codeLine(int j) {
        BlockBuilder b = new BlockBuilder(BlockKind.CODE);
        b.piece(lines.get(j).contentStart(), lines.get(j).contentEnd());
        b.finish();
    }

    /** Builds one block from source pieces, joining lines as {@link LineJoin} says. */
    private final class BlockBuilder {
        private BlockKind kind;
        private final int blockStart;

        BlockBuilder(BlockKind kind) {
            this.kind = kind;
            if (!blocks.isEmpty()) {
                text.append('\n');
            }
            this.blockStart = text.length();
        }

        /** Appends source {@code [from, to)} as it is. */
        void piece(int from, int to) {
            if (from < to) {
                map.piece(text.length(), from, to - from);
                text.append(source, from, to);
            }
        }

        /** Appends the next line of the paragraph, source {@code [from, to)}, joined to the text so far. */
        void line(int from, int to) {
            if (from >= to) {
                return;
            }
            // a view, not a copy: copying the block so far for every line made a long paragraph quadratic
            CharSequence sofar = java.nio.CharBuffer.wrap(text, blockStart, text.length());
            switch (LineJoin.joint(sofar, source.subSequence(from, to), hyphenated)) {
                case SPACE -> text.append(' ');
                case DROP_HYPHEN -> {
                    // the hyphen was the last character of the previous piece: the piece becomes one shorter
                    text.setLength(text.length() - 1);
                    map.shortenLast();
                }
                default -> {
                    // NOTHING, KEEP_HYPHEN: the next line follows directly
                }
            }
            piece(from, to);
        }

        void finish() {
            if (text.length() == blockStart) {
                if (blockStart > 0) {
                    text.setLength(blockStart - 1); // nothing to add: take back the separator
                }
                return;
            }
            blocks.add(new Block(text.substring(blockStart), kind));
        }
    }
}
