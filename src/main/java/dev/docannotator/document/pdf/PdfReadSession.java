package dev.docannotator.document.pdf;

import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Reads a PDF one page per unit. Each paragraph of a page becomes one block with {@code page} = the 1-based page
 * number and {@code paragraph} = the 1-based paragraph number <em>within that page</em>.
 */
final class PdfReadSession implements ReadSession {
    private final PDDocument document;
    private final PageTextStripper stripper = new PageTextStripper();
    private final List<PDPage> pages = new ArrayList<>();
    private final int pageCount;
    private int lastRead = -1;
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
        PageText page = stripper.readText(document, pages.get(index), index + 1);
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
