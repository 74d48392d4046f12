package dev.docannotator.document.pdf;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.LineJoin;
import dev.docannotator.document.RejectionText;
import dev.docannotator.document.TrimmedRange;
import dev.docannotator.document.DocumentRejectedException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Extracts one page's text as paragraphs, keeping for every character the glyph ({@link TextPosition}) it came
 * from. The reader and the applier both use this class, with the same settings, so that they build the same text.
 *
 * <p>Characters come from {@link TextPosition#getUnicode()} in the order PDFBox lays out each line; the word
 * text PDFBox itself would print (ligatures decomposed, right-to-left runs reversed) is deliberately ignored, because
 * it cannot be mapped back to glyphs; but a typographic ligature glyph (U+FB00–U+FB06, {@code ﬁ} in every LaTeX
 * document) is written as its letters, each of them mapped to that one glyph, so that words read as the author typed
 * them ({@code files}, not {@code ﬁles}, which spelling and grammar checks flag). Lines of one paragraph (as PDFBox detects paragraphs) are joined by one space,
 * except after a line ending in a letter and a hyphen when the next line starts with a lower-case letter: then the
 * lines are joined directly and the hyphen is recorded as a candidate ({@link PdfParagraph#hyphenBreaks}), which the
 * session keeps or drops ({@link PdfParagraph#dropping}). Not thread-safe: one instance per session.
 */
final class PageTextStripper extends PDFTextStripper {
    /** Far more than any real page holds; stops a content stream that repeats a form endlessly from exhausting memory. */
    static final int MAX_GLYPHS_PER_PAGE = 200_000;

    private final InflationGuard inflationGuard = new InflationGuard();
    private final DuplicateGlyphFilter duplicates = new DuplicateGlyphFilter();
    /** For each open marked-content sequence, whether it carries /ActualText (mirrors PDFTextStripper's stack). */
    private final Deque<Boolean> markedContent = new ArrayDeque<>();
    private boolean inActualText;
    private final List<PdfParagraph> paragraphs = new ArrayList<>();
    private final List<Quad> glyphs = new ArrayList<>();
    /** The glyph list of a page's (first) article, kept across pages so it does not regrow from empty each time. */
    private final List<TextPosition> articleGlyphs = new ArrayList<>();
    /** Whether this extraction computes glyph boxes: only annotating needs them. */
    private boolean withGlyphBoxes;
    private final Map<PDFont, float[]> fontExtents = new IdentityHashMap<>();
    private final Map<PDFont, Boolean> fixedPitch = new IdentityHashMap<>();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    /** The font of the glyph before, and what it is: most glyphs share their neighbour's font. */
    private PDFont lastFont;
    private boolean lastFontFixed;
    private boolean lastFontBold;
    /** The lines of the current paragraph, the last one being written ({@link #currentLine}). */
    private final List<LineStyle> lines = new ArrayList<>();
    private LineStyle currentLine;
    /** Where the glyph before ended: a word gap far wider than a space separates table cells. */
    private float lastGlyphEndX;
    /** For each paragraph of the page, how it is set ({@link #markHeadings}). */
    private final List<ParagraphStyle> styles = new ArrayList<>();
    /** Characters of the page per type size (rounded to 0.1 pt), to find the size of its running text. */
    private final Map<Float, Integer> charsBySize = new java.util.HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final IntList glyphOfChar = new IntList();
    /** Offsets in {@link #text} of end-of-line hyphens followed directly by the next line (see the class comment). */
    private final IntList hyphenBreaks = new IntList();
    /** Whether the pending separator is a line break (not a word gap). */
    private boolean lineBreakPending;
    /**
     * Offsets in {@link #text} where a new line starts (once per line break, so an offset can repeat): each character's
     * line is counted from these when the paragraph ends, cheaper than storing a line per character as it comes.
     */
    private final IntList lineBreaksAt = new IntList();
    /** The line the current paragraph's text starts on. */
    private int paragraphLine;
    private boolean separatorPending;
    private int line;
    private int glyphCount;
    /** PDFBox said a paragraph ends here; {@link #writeString} decides at the next line's first glyph (see there). */
    private boolean breakPending;
    /** Whether the next glyph written starts a line. */
    private boolean atLineStart = true;
    /** The line being written (after a break: the line before it): where it starts and ends, its baseline and size. */
    private float lineStartX;
    private float lineEndX;
    private float lineY;
    private float lineSize;
    /** Where the current paragraph's first line starts, and the right end of its longest line so far. */
    private float paragraphStartX;
    private float paragraphEndX;
    private float cropX;
    private float cropY;
    private PDPage target;

    PageTextStripper() {
        // PDFBox's own duplicate check is the slowest part of extraction; DuplicateGlyphFilter applies the same rule.
        setSuppressDuplicateOverlappingText(false);
    }

    /**
     * The text of {@code page}, page number {@code pageNumber} (1-based, for messages); a page that cannot be parsed,
     * or holds an absurd amount of text, is a {@link DocumentRejectedException}.
     */
    PageText read(PDDocument document, PDPage page, int pageNumber) {
        return read(document, page, pageNumber, true);
    }

    /**
     * Like {@link #read}, but the text alone: {@link PageText#glyphs()} is empty and paragraphs carry no per-character
     * glyph and line indices ({@link PdfParagraph#textOnly}), which is cheaper.
     */
    PageText readText(PDDocument document, PDPage page, int pageNumber) {
        return read(document, page, pageNumber, false);
    }

    private PageText read(PDDocument document, PDPage page, int pageNumber, boolean glyphBoxes) {
        try {
            inflationGuard.check(page);
            withGlyphBoxes = glyphBoxes;
            return extract(document, page);
        } catch (InflationGuard.InflationException e) {
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.bomb", pageNumber, InflationGuard.MAX_DECODED_STREAM_BYTES >> 20), e);
        } catch (TooMuchTextException e) {
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.too_many_glyphs", pageNumber, MAX_GLYPHS_PER_PAGE), e);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a stack overflow here means absurdly nested content (forms in forms), which is hostile, not a bug
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.corrupt_page", pageNumber), e);
        }
    }

    private PageText extract(PDDocument document, PDPage page) throws IOException {
        reset();
        PDRectangle crop = page.getCropBox();
        // TextPosition matrices are relative to the crop box's lower-left corner; annotations need user space.
        cropX = crop.getLowerLeftX();
        cropY = crop.getLowerLeftY();
        target = page;
        try {
            writeText(document, Writer.nullWriter());
            flushParagraph();
            markHeadings();
            return new PageText(paragraphs, glyphs);
        } finally {
            // Close what the page left open, so PDFBox's /ActualText state cannot leak into the next page read.
            while (!markedContent.isEmpty()) {
                endMarkedContentSequence();
            }
            target = null;
            reset();
        }
    }

    /**
     * Processes only the target page. PDFTextStripper would walk the whole page tree to find a page range on every
     * call, which makes reading a long document page by page quadratic.
     */
    @Override
    protected void processPages(PDPageTree pages) throws IOException {
        if (target.hasContents()) {
            // the page range check in processPage compares against the stripper's own page counter
            setStartPage(getCurrentPageNo());
            setEndPage(getCurrentPageNo());
            processPage(target);
        }
    }

    /**
     * Hands PDFBox a list to reuse for the page's first article: every {@link #writeText} starts it with no article
     * lists, and it then creates them empty, growing one copy at a time to thousands of glyphs on every page.
     */
    @Override
    protected void startPage(PDPage page) throws IOException {
        super.startPage(page);
        if (charactersByArticle.isEmpty()) {
            articleGlyphs.clear();
            charactersByArticle.add(articleGlyphs);
        }
    }

    private void reset() {
        articleGlyphs.clear();
        paragraphs.clear();
        glyphs.clear();
        fontExtents.clear();
        fixedPitch.clear();
        boldFonts.clear();
        lastFont = null;
        lines.clear();
        currentLine = null;
        styles.clear();
        charsBySize.clear();
        text.setLength(0);
        glyphOfChar.clear();
        lineBreaksAt.clear();
        hyphenBreaks.clear();
        separatorPending = false;
        lineBreakPending = false;
        breakPending = false;
        atLineStart = true;
        line = 0;
        paragraphLine = 0;
        glyphCount = 0;
        duplicates.clear();
    }

    @Override
    protected void processTextPosition(TextPosition position) {
        if (++glyphCount > MAX_GLYPHS_PER_PAGE) {
            throw new TooMuchTextException();
        }
        // PDFTextStripper's rule: a glyph drawn over an identical one is dropped, except inside /ActualText
        if (!inActualText) {
            if (duplicates.isDuplicate(position.getUnicode(), position.getX(), position.getY(), tolerance(position))) {
                return;
            }
        }
        super.processTextPosition(position);
    }

    /**
     * PDFTextStripper's window for duplicates, width / characters / 3, in the same float arithmetic. A glyph is nearly
     * always one character, and dividing by 1 is exact, so that division is skipped: two dependent float divisions per
     * glyph measured 2–4 % of a whole read.
     */
    private static float tolerance(TextPosition position) {
        int chars = position.getUnicode().length();
        return chars == 1 ? position.getWidth() / 3.0f : position.getWidth() / chars / 3.0f;
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        super.beginMarkedContentSequence(tag, properties);
        boolean actualText = properties != null && properties.getString(COSName.ACTUAL_TEXT) != null;
        markedContent.push(actualText);
        inActualText = actualText;
    }

    @Override
    public void endMarkedContentSequence() {
        super.endMarkedContentSequence();
        Boolean hadActualText = markedContent.poll();
        if (Boolean.TRUE.equals(hadActualText)) {
            inActualText = false;
        }
    }

    @Override
    protected void writeString(String ignoredWordText, List<TextPosition> positions) {
        for (TextPosition position : positions) {
            String unicode = withoutLigatures(position.getUnicode());
            if (unicode == null || unicode.isEmpty()) {
                continue;
            }
            if (atLineStart) {
                startLine(position);
            }
            float x = position.getXDirAdj();
            // a jump along the line, after a word separator or a space glyph (Word writes cells' trailing spaces)
            boolean wideGap = !lineBreakPending && currentLine.start >= 0
                    && x - lastGlyphEndX >= ParagraphLayout.CELL_GAP * Math.abs(position.getFontSizeInPt());
            lastGlyphEndX = x + position.getWidthDirAdj();
            lineEndX = Math.max(lineEndX, lastGlyphEndX);
            if (separatorPending && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                if (lineBreakPending && isHyphenBreak(unicode.charAt(0))) {
                    hyphenBreaks.add(text.length() - 1);
                } else {
                    appendChar(' ');
                    if (withGlyphBoxes) {
                        glyphOfChar.add(-1);
                    }
                }
            }
            separatorPending = false;
            lineBreakPending = false;
            track(position, unicode, wideGap);
            if (withGlyphBoxes) {
                int glyph = glyphs.size();
                glyphs.add(glyphBox(position));
                for (int i = 0; i < unicode.length(); i++) {
                    appendChar(unicode.charAt(i));
                    glyphOfChar.add(glyph);
                }
            } else {
                for (int i = 0; i < unicode.length(); i++) {
                    appendChar(unicode.charAt(i));
                }
            }
        }
    }

    /** Records how the glyph about to be written is set, in the line's {@link LineStyle}. */
    private void track(TextPosition position, String unicode, boolean wideGap) {
        LineStyle line = currentLine;
        if (line.start < 0) {
            line.start = text.length();
        } else if (wideGap && Character.isWhitespace(text.charAt(text.length() - 1))) {
            line.addCell(text.length());
        }
        line.endX = lineEndX;
        if (!unicode.isBlank()) {
            PDFont font = position.getFont();
            if (font != lastFont || lastFont == null) {
                lastFont = font;
                lastFontFixed = fixedPitch.computeIfAbsent(font, PageTextStripper::isFixedPitch);
                lastFontBold = boldFonts.computeIfAbsent(font, PageTextStripper::isBold);
            }
            // text turned upside down has a negative size
            line.addVisible(Math.abs(position.getFontSizeInPt()), unicode.length(), lastFontBold, lastFontFixed);
        }
    }

    /** The text of a glyph with the Latin ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) spelled out as their letters. */
    static String withoutLigatures(String unicode) {
        if (unicode == null) {
            return null;
        }
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if (c >= '\uFB00' && c <= '\uFB06') {
                StringBuilder out = new StringBuilder(unicode.length() + 2);
                for (int j = 0; j < unicode.length(); j++) {
                    char d = unicode.charAt(j);
                    out.append(d >= '\uFB00' && d <= '\uFB06'
                            ? java.text.Normalizer.normalize(String.valueOf(d), java.text.Normalizer.Form.NFKC) : String.valueOf(d));
                }
                return out.toString();
            }
        }
        return unicode;
    }

    /**
     * A new line starts with {@code first}: a paragraph break PDFBox asked for is kept unless the line simply goes on
     * with the paragraph ({@link #continuesParagraph}).
     */
    private void startLine(TextPosition first) {
        if (breakPending) {
            breakPending = false;
            if (!continuesParagraph(first)) {
                flushParagraph();
            }
        }
        if (text.isEmpty()) {
            paragraphStartX = first.getXDirAdj();
            paragraphEndX = 0;
        } else {
            paragraphEndX = Math.max(paragraphEndX, lineEndX);
        }
        lineStartX = first.getXDirAdj();
        lineEndX = lineStartX;
        currentLine = new LineStyle(lineStartX);
        lines.add(currentLine);
        lineY = first.getYDirAdj();
        lineSize = first.getFontSizeInPt();
        atLineStart = false;
    }

    /**
     * Whether a line PDFBox would start a paragraph with is the next line of the same paragraph. PDFBox ends a paragraph
     * when the drop from line to line exceeds 2.5 glyph heights, and its glyph height is an estimate that for many
     * fonts (Word's Times New Roman among them) is under half the font size, so that ordinary single-spaced lines
     * (1.15 em apart) each become a paragraph. A typesetter's paragraph goes on when: the type size is the same, the
     * baselines are one ordinary line apart (at most 1.4 em, no extra space), the line starts at the paragraph's left
     * edge (or the first line was indented from it), and the line before was full (a short line ends a paragraph).
     */
    private boolean continuesParagraph(TextPosition first) {
        if (text.isEmpty() || lineSize <= 0) {
            return false;
        }
        float size = first.getFontSizeInPt();
        float em = Math.max(size, lineSize);
        float drop = first.getYDirAdj() - lineY;
        float x = first.getXDirAdj();
        boolean sameSize = Math.abs(size - lineSize) <= 0.05f * em;
        boolean nextLine = drop > 0.9f * em && drop <= 1.4f * em;
        boolean leftEdge = Math.abs(x - lineStartX) <= 0.5f * em
                || (lineStartX == paragraphStartX && lineStartX - x > 0 && lineStartX - x <= 3 * em);
        boolean full = lineEndX - lineStartX >= 15 * em && lineEndX >= Math.max(paragraphEndX, lineEndX) - 2 * em;
        return sameSize && nextLine && leftEdge && full;
    }

    /**
     * Whether the text so far ends with a letter and a hyphen and {@code next} (starting the next line) is lower case;
     * or, in text set in capitals (a licence's warranty disclaimer: {@code ARE DIS-⏎CLAIMED}), ends with a word of at
     * least two capitals and a hyphen and {@code next} is a capital. A single capital before the hyphen ({@code X-⏎Window})
     * is more often a compound's first part than a broken word.
     */
    private boolean isHyphenBreak(char next) {
        int n = text.length();
        if (n < 2 || !LineJoin.isHyphen(text.charAt(n - 1)) || !Character.isLetter(text.charAt(n - 2))) {
            return false;
        }
        if (Character.isLowerCase(next)) {
            return true;
        }
        int from = n - 1;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        for (int i = from; i < n - 1; i++) {
            if (!Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return Character.isUpperCase(next) && n - 1 - from >= 2;
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        super.writeWordSeparator();
        separatorPending = true;
        lineBreakPending = false;
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        super.writeLineSeparator();
        separatorPending = true;
        lineBreakPending = true;
        atLineStart = true;
        if (withGlyphBoxes) {
            lineBreaksAt.add(text.length());
        }
        line++;
    }

    @Override
    protected void writeParagraphStart() throws IOException {
        super.writeParagraphStart();
        breakPending = true;
    }

    @Override
    protected void writeParagraphEnd() throws IOException {
        super.writeParagraphEnd();
        breakPending = true;
    }

    @Override
    protected void endArticle() throws IOException {
        super.endArticle();
        breakPending = false;
        atLineStart = true;
        flushParagraph();
    }

    private void appendChar(char c) {
        // Blocks never contain line breaks: control and separator characters from odd fonts become spaces.
        boolean breaking = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
        text.append(breaking ? ' ' : c);
    }

    /**
     * Ends the current paragraph. It becomes one paragraph, or several where {@link ParagraphLayout} says a heading
     * ends inside it, and each line whose words stand in columns becomes one paragraph per cell. Surrounding whitespace
     * is trimmed; a blank paragraph is dropped.
     */
    private void flushParagraph() {
        int n = lines.size();
        float rightEdge = 0;
        for (LineStyle line : lines) {
            rightEdge = Math.max(rightEdge, line.endX);
        }
        int from = 0;
        int firstLine = 0;
        for (int i = 0; i < n; i++) {
            LineStyle line = lines.get(i);
            int end = i + 1 < n ? lines.get(i + 1).start : text.length();
            if (line.start < 0 || end < line.start) {
                continue;
            }
            if (isTableRow(line, end)) {
                emit(from, line.start, firstLine, i, null);
                if (line.visibleChars > 0) { // once per row: its cells would count the whole line once each
                    charsBySize.merge(line.size(), line.visibleChars, Integer::sum);
                }
                int cellFrom = line.start;
                for (int c = 0; c < line.cellCount(); c++) {
                    emit(cellFrom, line.cell(c), i, i + 1, BlockKind.TABLE_CELL);
                    cellFrom = line.cell(c);
                }
                emit(cellFrom, end, i, i + 1, BlockKind.TABLE_CELL);
                from = end;
                firstLine = i + 1;
            } else if (i + 1 < n && end > from && end < text.length() && text.charAt(end - 1) == ' ') {
                String before = text.substring(line.start, end).strip();
                int afterEnd = i + 2 < n && lines.get(i + 2).start >= end ? lines.get(i + 2).start : text.length();
                String after = text.substring(end, afterEnd).strip();
                if (ParagraphLayout.headingEnds(line, before, lines.get(i + 1), after, rightEdge)) {
                    boolean numbered = firstLine == i && ParagraphLayout.numbered(before);
                    emit(from, end, firstLine, i + 1, numbered ? BlockKind.HEADING : null);
                    from = end;
                    firstLine = i + 1;
                }
            }
        }
        emit(from, text.length(), firstLine, n, null);
        text.setLength(0);
        glyphOfChar.clear();
        lineBreaksAt.clear();
        hyphenBreaks.clear();
        lines.clear();
        currentLine = null;
        paragraphLine = line;
        separatorPending = false;
        lineBreakPending = false;
    }

    /**
     * Whether {@code line} (its text ending at {@code end}) is a table row: cells far apart, each of a few words, not
     * all in a fixed-pitch font.
     */
    private boolean isTableRow(LineStyle line, int end) {
        // columns in a fixed-pitch line are aligned code ("char*   dest,"), read as code
        if (line.cellCount() == 0 || ParagraphLayout.code(line.fixedPitchChars, line.visibleChars)) {
            return false;
        }
        int cellFrom = line.start;
        for (int c = 0; c <= line.cellCount(); c++) {
            int cellEnd = c < line.cellCount() ? line.cell(c) : end;
            if (!ParagraphLayout.cellSized(text.subSequence(cellFrom, cellEnd))) {
                return false;
            }
            cellFrom = cellEnd;
        }
        return true;
    }

    /**
     * Adds the text {@code [from, to)} of the paragraph being built, lines {@code [firstLine, endLine)}, as one
     * paragraph, trimmed; of {@code kind}, or when null code if its glyphs are fixed-pitch
     * ({@link ParagraphLayout#code}), else prose.
     */
    private void emit(int from, int to, int firstLine, int endLine, BlockKind kind) {
        TrimmedRange trimmed = TrimmedRange.of(text, from, to);
        if (trimmed.isEmpty()) {
            return;
        }
        int start = trimmed.start();
        int end = trimmed.end();
        int fixedPitch = 0;
        int visible = 0;
        boolean allBold = true;
        float smallest = Float.MAX_VALUE;
        int lineCount = 0;
        for (int i = firstLine; i < endLine; i++) {
            LineStyle line = lines.get(i);
            if (line.visibleChars > 0) {
                fixedPitch += line.fixedPitchChars;
                visible += line.visibleChars;
                allBold &= line.allBold;
                smallest = Math.min(smallest, line.size());
                if (kind != BlockKind.TABLE_CELL) {
                    charsBySize.merge(line.size(), line.visibleChars, Integer::sum);
                }
                lineCount++;
            }
        }
        BlockKind resolved = kind != null ? kind
                : ParagraphLayout.code(fixedPitch, visible) || visible == 0 ? BlockKind.CODE : BlockKind.PROSE;
        // reading needs the text alone; per-character indices are for anchoring highlights
        int[] breaks = hyphenBreaksIn(start, end);
        paragraphs.add(withGlyphBoxes
                ? new PdfParagraph(text.substring(start, end), glyphOfChar.slice(start, end), linesOfChars(start, end),
                        breaks, resolved)
                : PdfParagraph.textOnly(text.substring(start, end), breaks, resolved));
        styles.add(new ParagraphStyle(lineCount, lineCount == 0 ? 0 : smallest, lineCount > 0 && allBold));
    }

    /**
     * At the end of a page: a prose paragraph of at most three lines set larger than the page's running text (the size
     * most of its characters have), or of at most two lines all in bold without a closing full stop, is a heading.
     */
    private void markHeadings() {
        float body = 0;
        int most = 0;
        for (Map.Entry<Float, Integer> size : charsBySize.entrySet()) {
            if (size.getValue() > most || (size.getValue() == most && size.getKey() < body)) {
                most = size.getValue();
                body = size.getKey();
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            PdfParagraph paragraph = paragraphs.get(i);
            if (paragraph.kind() == BlockKind.PROSE && styles.get(i).heading(paragraph.text(), body)) {
                paragraphs.set(i, paragraph.withKind(BlockKind.HEADING));
            }
        }
    }

    /** How a paragraph is set: its lines with visible glyphs, the smallest of their sizes, whether all are bold. */
    private record ParagraphStyle(int lines, float smallest, boolean allBold) {
        private static final int MAX_HEADING_CHARS = 200;
        private static final int MAX_BOLD_HEADING_CHARS = 120;

        boolean heading(String text, float bodySize) {
            if (lines == 0 || text.length() > MAX_HEADING_CHARS) {
                return false;
            }
            if (lines <= 3 && ParagraphLayout.larger(smallest, bodySize)) {
                return true;
            }
            char last = text.charAt(text.length() - 1);
            return allBold && lines <= 2 && text.length() <= MAX_BOLD_HEADING_CHARS && ".;,".indexOf(last) < 0;
        }
    }

    /** The hyphen candidates inside [from, to), relative to {@code from}. */
    private int[] hyphenBreaksIn(int from, int to) {
        int count = 0;
        for (int i = 0; i < hyphenBreaks.size(); i++) {
            int at = hyphenBreaks.get(i);
            if (at >= from && at < to) {
                count++;
            }
        }
        // counted first: most paragraphs have no candidate, and a growable list per paragraph starts at 1 KB
        int[] inside = new int[count];
        int next = 0;
        for (int i = 0; i < hyphenBreaks.size() && next < count; i++) {
            int at = hyphenBreaks.get(i);
            if (at >= from && at < to) {
                inside[next++] = at - from;
            }
        }
        return inside;
    }

    /** The line of each character of {@link #text} in [from, to): one more for every line break at or before it. */
    private int[] linesOfChars(int from, int to) {
        int[] lines = new int[to - from];
        int current = paragraphLine;
        int nextBreak = 0;
        for (int offset = from; offset < to; offset++) {
            while (nextBreak < lineBreaksAt.size() && lineBreaksAt.get(nextBreak) <= offset) {
                current++;
                nextBreak++;
            }
            lines[offset - from] = current;
        }
        return lines;
    }

    /**
     * The glyph's box in user space: from its origin to where the next glyph would start, and from the font's
     * descent to its ascent, all transformed by the text rendering matrix (which already holds rotation, skew and
     * size of the text, but not the page's /Rotate, which viewers apply on top of user space).
     */
    private Quad glyphBox(TextPosition position) {
        Matrix m = position.getTextMatrix();
        float ox = m.getTranslateX();
        float oy = m.getTranslateY();
        float advanceX = position.getEndX() - ox;
        float advanceY = position.getEndY() - oy;
        float upX = m.getValue(1, 0);
        float upY = m.getValue(1, 1);
        float[] extent = fontExtents.computeIfAbsent(position.getFont(), PageTextStripper::verticalExtent);
        float descent = extent[0];
        float ascent = extent[1];
        float llx = ox + descent * upX;
        float lly = oy + descent * upY;
        float ulx = ox + ascent * upX;
        float uly = oy + ascent * upY;
        Quad box = new Quad(llx, lly, llx + advanceX, lly + advanceY, ulx, uly, ulx + advanceX, uly + advanceY);
        return box.translate(cropX, cropY);
    }

    private static final java.util.regex.Pattern FIXED_PITCH_NAME = java.util.regex.Pattern.compile(
            "(?i).*(courier|mono|nimbusmon|typewriter|consola|menlo|inconsolata|cmtt|sftt|lmtt|txtt|pcrr|beramono).*");
    private static final java.util.regex.Pattern BOLD_NAME = java.util.regex.Pattern.compile(
            "(?i).*(bold|black|heavy|semibd|demibd|,bd|-bd).*");

    /** Whether a font is bold: its descriptor says so (weight, force-bold flag) or its name does ("Arial,Bold"). */
    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
            return true;
        }
        String name = font.getName();
        return name != null && BOLD_NAME.matcher(name).matches();
    }

    /**
     * Whether a font is fixed-pitch: its descriptor says so, or its name is a typewriter face (TeX's CMTT, Courier,
     * "... Mono", URW's Nimbus Mono L as {@code NimbusMonL-Regu} in DocBook and groff PDFs), since embedded subsets
     * often leave the flag unset.
     */
    private static boolean isFixedPitch(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && descriptor.isFixedPitch()) {
            return true;
        }
        String name = font.getName();
        return name != null && FIXED_PITCH_NAME.matcher(name).matches();
    }

    /** Descent and ascent of a font in text space units (1 = the font size), with sane defaults. */
    private static float[] verticalExtent(PDFont font) {
        float descent = -0.25f;
        float ascent = 0.8f;
        if (font != null) {
            // Font descriptor metrics are in thousandths of text space, except for Type 3 fonts (glyph space).
            float scale = font instanceof PDType3Font ? Math.abs(font.getFontMatrix().getScaleY()) : 0.001f;
            PDFontDescriptor descriptor = font.getFontDescriptor();
            if (descriptor != null && scale > 0) {
                float a = descriptor.getAscent() * scale;
                float d = descriptor.getDescent() * scale;
                if (a > 0.2f && a < 1.5f) {
                    ascent = a;
                }
                if (d < 0 && d > -1f) {
                    descent = d;
                }
            }
        }
        return new float[] {descent, ascent};
    }

    /** Signals that a page has more glyphs than {@link #MAX_GLYPHS_PER_PAGE}. */
    private static final class TooMuchTextException extends RuntimeException {
        TooMuchTextException() {
            super("too many glyphs on one page", null, false, false);
        }
    }

    /** A growable int array, to keep one int per character without boxing. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] slice(int from, int to) {
            return Arrays.copyOfRange(values, from, to);
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }
    }
}
