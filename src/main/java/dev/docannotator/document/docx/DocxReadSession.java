package dev.docannotator.document.docx;

import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.UnreadContent;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** A Word document opened read-only; one unit is one top-level paragraph or table of the body, or one note. */
final class DocxReadSession implements ReadSession {
    private final DocxOpener opener;
    private XWPFDocument document;
    private final WordStories body;
    private final Set<UnreadContent> unread;

    DocxReadSession(DocxOpener opener, XWPFDocument document, WordStories body, Set<UnreadContent> unread) {
        this.opener = opener;
        this.document = document;
        this.body = body;
        this.unread = Set.copyOf(unread);
    }

    @Override
    public Set<UnreadContent> unread() {
        return unread;
    }

    @Override
    public int unitCount() {
        return body.unitCount();
    }

    @Override
    public void readUnit(int index, TextBuilder out) {
        if (document == null) {
            throw new IllegalStateException("The read session is closed");
        }
        body.appendUnit(index, out, paragraph -> { });
    }

    @Override
    public void close() {
        opener.discard(document);
        document = null;
    }
}
