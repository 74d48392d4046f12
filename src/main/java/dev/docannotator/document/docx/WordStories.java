package dev.docannotator.document.docx;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * The text of an open Word document split into read units: the body's top-level paragraphs and tables, then each
 * footnote and endnote the body shows ({@link WordNotes}), one unit per note. Word calls these separate texts
 * stories; a comment never spans two of them. Paragraphs are numbered 1, 2, 3 … across all units, so that reading
 * may start at any unit; a note's prose paragraphs are {@link BlockKind#NOTE} blocks.
 */
final class WordStories {
    private final DocxTextWalker walker;
    private final List<Element> units;
    /** Units {@code [0, bodyUnits)} are the body's; every later unit is one note. */
    private final int bodyUnits;
    private final int[] firstParagraph;
    private final ParagraphKinds kinds;

    WordStories(Element body, List<Element> notes, DocxTextWalker walker, ParagraphKinds kinds) {
        this.walker = walker;
        this.kinds = kinds;
        this.units = new ArrayList<>(walker.units(body));
        this.bodyUnits = units.size();
        units.addAll(notes);
        this.firstParagraph = new int[units.size()];
        int next = 1;
        for (int i = 0; i < units.size(); i++) {
            firstParagraph[i] = next;
            next += walker.paragraphs(units.get(i)).size();
        }
    }

    /** The body and the notes it shows. */
    static WordStories of(XWPFDocument document, DocxTextWalker walker) {
        Element body = bodyElement(document);
        return new WordStories(body, WordNotes.shown(document, WordBodyScan.of(body)), walker, ParagraphKinds.of(document));
    }

    /** The live DOM of the document's {@code w:body}, or null for a document without one. */
    static Element bodyElement(XWPFDocument document) {
        var body = document.getDocument().getBody();
        return body == null ? null : (Element) body.getDomNode();
    }

    /** Whether any paragraph, in the body or a note, has visible text. */
    boolean hasText() {
        for (Element unit : units) {
            for (Element paragraph : walker.paragraphs(unit)) {
                if (!walker.paragraph(paragraph).text().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    int unitCount() {
        return units.size();
    }

    /** Which story unit {@code index} belongs to: 0 for the body, {@code n} for the n-th note read. */
    int story(int index) {
        return index < bodyUnits ? 0 : index - bodyUnits + 1;
    }

    /** Appends one block per paragraph of unit {@code index} and hands each paragraph's text model to {@code sink}. */
    void appendUnit(int index, TextBuilder out, Consumer<ParagraphText> sink) {
        if (index < 0 || index >= units.size()) {
            throw new IndexOutOfBoundsException("Unit " + index + " of " + units.size());
        }
        boolean note = index >= bodyUnits;
        int number = firstParagraph[index];
        for (Element paragraph : walker.paragraphs(units.get(index))) {
            ParagraphText text = walker.paragraph(paragraph);
            BlockKind kind = kinds.kindOf(paragraph);
            out.append(text.text(), null, number++, note && kind == BlockKind.PROSE ? BlockKind.NOTE : kind);
            sink.accept(text);
        }
    }
}
