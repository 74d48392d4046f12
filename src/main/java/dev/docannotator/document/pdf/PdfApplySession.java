package dev.docannotator.document.pdf;

import dev.docannotator.document.ReviewTexts;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Writes annotations into a PDF as highlights. Pages are re-extracted with the reader's {@link PageTextStripper}
 * only when an annotation needs them, and each one is checked against the text that was read before anything is
 * anchored on it. An annotation whose quote spans several pages gets one highlight on each of them.
 *
 * <p>A PDF that was opened despite being encrypted (owner password only) is saved without its encryption:
 * PDFBox cannot re-encrypt it with the unknown owner password.
 */
final class PdfApplySession implements ApplySession {
    /** Few pages are needed at once: annotations arrive in document order, page after page. */
    private static final int CACHED_PAGES = 4;

    private final Path source;
    private final PDDocument document;
    private final ExtractedText text;
    private final PageTextStripper stripper = new PageTextStripper();
    private final HighlightWriter writer;
    /** All pages, found in one walk of the page tree (looking pages up by index walks it every time). */
    private final List<PDPage> pageList = new ArrayList<>();
    /** {@code firstBlock[p]} is the index of the first block of page p (0-based); the last entry is the block count. */
    private final int[] firstBlock;
    private final Map<Integer, PageText> extracted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PageText> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private boolean closed;

    PdfApplySession(Path source, PDDocument document, ExtractedText text, ReviewTexts texts) {
        this.source = source;
        this.document = document;
        this.text = text;
        this.writer = new HighlightWriter(document, texts);
        document.getPages().forEach(pageList::add);
        this.firstBlock = indexBlocksByPage(text.blocks(), pageList.size());
    }

    private static int[] indexBlocksByPage(List<TextBlock> blocks, int pageCount) {
        int[] first = new int[pageCount + 1];
        int previousPage = 0;
        for (TextBlock block : blocks) {
            Integer page = block.page();
            if (page == null || page < Math.max(1, previousPage) || page > pageCount) {
                throw new IllegalArgumentException("The text was not read from this PDF (block " + block + ")");
            }
            previousPage = page;
            first[page]++;
        }
        // counts per page (shifted by one) become start indexes by a running sum
        for (int p = 1; p <= pageCount; p++) {
            first[p] += first[p - 1];
        }
        return first;
    }

    @Override
    public void apply(List<Annotation> batch) {
        if (closed) {
            throw new IllegalStateException("The PDF apply session is closed");
        }
        try {
            for (Annotation annotation : batch) {
                applyOne(annotation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add a highlight to the PDF", e);
        }
    }

    private void applyOne(Annotation annotation) throws IOException {
        int start = annotation.start();
        int end = annotation.end();
        if (start < 0 || end > text.text().length() || start > end) {
            throw new IllegalArgumentException("Annotation " + annotation.id() + " [" + start + ", " + end
                    + ") lies outside the document text of " + text.text().length() + " characters");
        }
        Map<Integer, List<Quad>> segmentsByPage = new LinkedHashMap<>();
        List<TextBlock> blocks = text.blocks();
        for (int b = firstBlockEndingAfter(start); b < blocks.size() && blocks.get(b).start() < end; b++) {
            TextBlock block = blocks.get(b);
            int pageIndex = block.page() - 1;
            PdfParagraph paragraph = verifiedPage(pageIndex).paragraphs().get(b - firstBlock[pageIndex]);
            int from = Math.max(start, block.start()) - block.start();
            int to = Math.min(end, block.end()) - block.start();
            List<Quad> segments = segmentsByPage.computeIfAbsent(pageIndex, p -> new ArrayList<>());
            segments.addAll(lineSegments(paragraph, verifiedPage(pageIndex).glyphs(), from, to));
        }
        for (Map.Entry<Integer, List<Quad>> entry : segmentsByPage.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                writer.highlight(pageList.get(entry.getKey()), entry.getValue(), annotation);
            }
        }
    }

    /** One quad per line: the glyphs of characters {@code [from, to)} of the paragraph, grouped by line. */
    private static List<Quad> lineSegments(PdfParagraph paragraph, List<Quad> glyphs, int from, int to) {
        List<Quad> segments = new ArrayList<>();
        List<Quad> current = new ArrayList<>();
        int currentLine = Integer.MIN_VALUE;
        int lastGlyph = -1;
        for (int i = from; i < to; i++) {
            int glyph = paragraph.glyphOfChar()[i];
            if (glyph < 0 || glyph == lastGlyph) {
                continue; // an inserted separator, or another character of a multi-character glyph
            }
            int line = paragraph.lineOfChar()[i];
            if (line != currentLine && !current.isEmpty()) {
                segments.add(Quad.enclosing(current));
                current.clear();
            }
            currentLine = line;
            lastGlyph = glyph;
            current.add(glyphs.get(glyph));
        }
        if (!current.isEmpty()) {
            segments.add(Quad.enclosing(current));
        }
        return segments;
    }

    private int firstBlockEndingAfter(int offset) {
        List<TextBlock> blocks = text.blocks();
        int lo = 0;
        int hi = blocks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blocks.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The page's text, extracted again and checked against what the reader produced. */
    private PageText verifiedPage(int pageIndex) {
        PageText cached = extracted.get(pageIndex);
        if (cached != null) {
            return cached;
        }
        PageText raw = stripper.read(document, pageList.get(pageIndex), pageIndex + 1);
        int expected = firstBlock[pageIndex + 1] - firstBlock[pageIndex];
        boolean same = raw.paragraphs().size() == expected;
        List<PdfParagraph> resolved = new ArrayList<>(expected);
        for (int i = 0; same && i < expected; i++) {
            // the reader decided which end-of-line hyphens to drop; its block text says which
            PdfParagraph paragraph = raw.paragraphs().get(i)
                    .matching(text.blockText(text.blocks().get(firstBlock[pageIndex] + i)));
            same = paragraph != null;
            resolved.add(paragraph);
        }
        if (!same) {
            throw new IllegalStateException("Page " + (pageIndex + 1)
                    + " of the PDF no longer yields the text it was read with; the annotations cannot be placed.");
        }
        PageText page = new PageText(resolved, raw.glyphs());
        extracted.put(pageIndex, page);
        return page;
    }

    @Override
    public void save(Path out) {
        if (closed) {
            throw new IllegalStateException("The PDF apply session is closed");
        }
        try {
            if (Files.exists(out) && Files.isSameFile(out, source)) {
                throw new IllegalArgumentException("Refusing to overwrite the original PDF " + source);
            }
            if (document.isEncrypted()) {
                document.setAllSecurityToBeRemoved(true);
            }
            document.save(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the annotated PDF to " + out, e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            extracted.clear();
            IOUtils.closeQuietly(document);
        }
    }
}
