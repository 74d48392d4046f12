package dev.docannotator.document.pdf;

import dev.docannotator.document.LineJoin;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.ReferenceEntries;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Reads a PDF one page per unit. Each paragraph of a page becomes one block with {@code page} = the 1-based page
 * number and {@code paragraph} = the 1-based paragraph number <em>within that page</em>. A hyphen that ended a line
 * is dropped ({@code with-⏎holding} → {@code withholding}) unless the pages read so far, this one included, write
 * that compound with a hyphen inside a line ({@code e-mail}). After the last page, {@link PageFurniture} marks
 * running headers, footers and page numbers, and {@link ReferenceEntries} the entries of a list of cited works.
 */
final class PdfReadSession implements ReadSession {
    private final PDDocument document;
    private final PageTextStripper stripper = new PageTextStripper();
    private final List<PDPage> pages = new ArrayList<>();
    private final int pageCount;
    private int lastRead = -1;
    /** Hyphenated pairs written inside lines on the pages read so far ({@link LineJoin#hyphenatedPairs}). */
    private Set<String> hyphenated;
    private boolean closed;

    PdfReadSession(PDDocument document) {
        this.document = document;
        // one walk of the page tree; looking each page up by index would walk it again every time
        document.getPages().forEach(pages::add);
        this.pageCount = pages.size();
    }

    @Override
    public int unitCount() {
        return pageCount;
    }

    @Override
    public void readUnit(int index, TextBuilder out) {
        if (closed) {
            throw new IllegalStateException("The PDF read session is closed");
        }
        if (index < 0 || index >= pageCount || index <= lastRead) {
            throw new IllegalArgumentException("Page index " + index + " is out of range or not ascending (last read "
                    + lastRead + ", " + pageCount + " pages)");
        }
        if (hyphenated == null) {
            // a resumed read learns the earlier pages' compounds from their text, which keeps every kept hyphen
            hyphenated = new HashSet<>();
            LineJoin.hyphenatedPairs(out.text(), hyphenated);
        }
        PageText page = stripper.readText(document, pages.get(index), index + 1);
        for (PdfParagraph paragraph : page.paragraphs()) {
            LineJoin.hyphenatedPairs(withoutCandidates(paragraph), hyphenated);
        }
        int paragraphNumber = 0;
        for (PdfParagraph paragraph : page.paragraphs()) {
            PdfParagraph resolved = paragraph.dropping(at -> !hyphenated.contains(pairAt(paragraph.text(), at)));
            out.append(resolved.text(), index + 1, ++paragraphNumber, resolved.kind());
        }
        lastRead = index;
        if (index == pageCount - 1) {
            PageFurniture.mark(out, pageCount);
            ReferenceEntries.mark(out);
        }
    }

    /** The paragraph's text with each hyphen candidate replaced by a space, so that it does not attest itself. */
    private static String withoutCandidates(PdfParagraph paragraph) {
        if (paragraph.hyphenBreaks().length == 0) {
            return paragraph.text();
        }
        char[] chars = paragraph.text().toCharArray();
        for (int at : paragraph.hyphenBreaks()) {
            chars[at] = ' ';
        }
        return new String(chars);
    }

    /** The lower-case pair of word parts around the hyphen at {@code at}: "e-mail" for "… by e-mail or …". */
    static String pairAt(String text, int at) {
        int from = at;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        int to = at + 1;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        // U+2010 or a soft hyphen at the break: the pair is looked up as written with '-'
        return (text.substring(from, at) + "-" + text.substring(at + 1, to)).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            IOUtils.closeQuietly(document);
        }
    }
}
