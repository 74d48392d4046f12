package dev.docannotator.document.pdf;

import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a PDF one page per unit. Each paragraph of a page becomes one block with {@code page} = the 1-based page
 * number and {@code paragraph} = the 1-based paragraph number <em>within that page</em>.
 */
final class PdfReadSession implements ReadSession {
    private final PDDocument document;
    private final PageTextStripper stripper = new PageTextStripper();
    private final int pageCount;
    private int lastRead = -1;
    private boolean closed;

    PdfReadSession(PDDocument document) {
        this.document = document;
        this.pageCount = document.getNumberOfPages();
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
        PageText page = stripper.read(document, index);
        int paragraphNumber = 0;
        for (PdfParagraph paragraph : page.paragraphs()) {
            out.append(paragraph.text(), index + 1, ++paragraphNumber);
        }
        lastRead = index;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            IOUtils.closeQuietly(document);
        }
    }
}
