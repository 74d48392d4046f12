package dev.docannotator.document.docx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * The footnotes and endnotes a Word document shows: every note the body refers to, footnotes first, then endnotes,
 * each in the order of its first reference (the order Word numbers them in). The separator and continuation notes
 * Word writes into every notes part ({@code w:type="separator"} …) are layout, not text, and a note nothing refers to
 * is not shown by Word, so neither is read.
 */
final class WordNotes {
    private WordNotes() {
    }

    /** The {@code w:footnote} and {@code w:endnote} elements to read, in reading order. */
    static List<Element> shown(XWPFDocument document, WordBodyScan body) {
        List<Element> notes = new ArrayList<>();
        addReferenced(notes, byId(document.getFootnotes()), body.footnoteReferences());
        addReferenced(notes, byId(document.getEndnotes()), body.endnoteReferences());
        return notes;
    }

    private static void addReferenced(List<Element> out, Map<String, Element> notes, List<String> references) {
        for (String id : references) {
            Element note = notes.get(id);
            if (note != null) {
                out.add(note);
            }
        }
    }

    private static Map<String, Element> byId(List<? extends XWPFAbstractFootnoteEndnote> notes) {
        Map<String, Element> byId = new HashMap<>();
        if (notes == null) {
            return byId;
        }
        for (XWPFAbstractFootnoteEndnote note : notes) {
            Element element = (Element) note.getCTFtnEdn().getDomNode();
            String type = WordXml.attribute(element, "type");
            if (type.isEmpty() || type.equals("normal")) {
                byId.putIfAbsent(WordXml.attribute(element, "id").trim(), element);
            }
        }
        return byId;
    }
}
