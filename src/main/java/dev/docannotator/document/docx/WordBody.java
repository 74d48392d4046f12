package dev.docannotator.document.docx;

import dev.docannotator.document.TextBuilder;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * The body of an open Word document split into read units (top-level paragraphs and tables), with the
 * 1-based number of each unit's first paragraph so that reading may start at any unit.
 */
final class WordBody {
    private final DocxTextWalker walker;
    private final List<Element> units;
    private final int[] firstParagraph;
    private final ParagraphKinds kinds;

    WordBody(Element body, DocxTextWalker walker, ParagraphKinds kinds) {
        this.walker = walker;
        this.kinds = kinds;
        this.units = walker.units(body);
        this.firstParagraph = new int[units.size()];
        int next = 1;
        for (int i = 0; i < units.size(); i++) {
            firstParagraph[i] = next;
            next += walker.paragraphs(units.get(i)).size();
        }
    }

    /** The live DOM of the document's {@code w:body}, or null for a document without one. */
    static Element bodyElement(XWPFDocument document) {
        var body = document.getDocument().getBody();
        return body == null ? null : (Element) body.getDomNode();
    }

    int unitCount() {
        return units.size();
    }

    /** Appends one block per paragraph of unit {@code index} and hands each paragraph's text model to {@code sink}. */
    void appendUnit(int index, TextBuilder out, Consumer<ParagraphText> sink) {
        if (index < 0 || index >= units.size()) {
            throw new IndexOutOfBoundsException("Unit " + index + " of " + units.size());
        }
        int number = firstParagraph[index];
        for (Element paragraph : walker.paragraphs(units.get(index))) {
            ParagraphText text = walker.paragraph(paragraph);
            out.append(text.text(), null, number++, kinds.kindOf(paragraph));
            sink.accept(text);
        }
    }
}
