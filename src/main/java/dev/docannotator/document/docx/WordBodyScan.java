package dev.docannotator.document.docx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What one pass over a Word body finds besides its text: the footnotes and endnotes it refers to (ids in the order
 * of their first reference, as Word numbers them), its text boxes, and whether it imports content ({@code altChunk}).
 * Deleted text ({@code w:del}) refers to no note: its note is deleted with it.
 */
record WordBodyScan(List<String> footnoteReferences, List<String> endnoteReferences, List<Element> textBoxes,
                    boolean importsContent) {
    /** Subtrees that never hold a note reference, a text box or an import. */
    private static final Set<String> NOTHING_INSIDE = Set.of("rPr", "pPr", "tblPr", "trPr", "tcPr", "tblGrid",
            "sectPr", "t", "instrText", "delText", "del", "moveFrom", "fldChar", "sdtPr");

    WordBodyScan {
        footnoteReferences = List.copyOf(footnoteReferences);
        endnoteReferences = List.copyOf(endnoteReferences);
        textBoxes = List.copyOf(textBoxes);
    }

    static WordBodyScan of(Element body) {
        Set<String> footnotes = new LinkedHashSet<>();
        Set<String> endnotes = new LinkedHashSet<>();
        List<Element> textBoxes = new ArrayList<>();
        boolean[] imports = {false};
        if (body != null) {
            WordXml.forEachElement(body, NOTHING_INSIDE, element -> {
                switch (String.valueOf(WordXml.wordName(element))) {
                    case "footnoteReference" -> footnotes.add(WordXml.attribute(element, "id").trim());
                    case "endnoteReference" -> endnotes.add(WordXml.attribute(element, "id").trim());
                    case "altChunk" -> imports[0] = true;
                    case "txbxContent" -> {
                        textBoxes.add(element);
                        return false;
                    }
                    default -> {
                        // look further down
                    }
                }
                return true;
            });
        }
        return new WordBodyScan(new ArrayList<>(footnotes), new ArrayList<>(endnotes), textBoxes, imports[0]);
    }

    /** The text boxes under {@code root} (a note, a header). */
    static List<Element> textBoxesIn(Element root) {
        List<Element> found = new ArrayList<>();
        WordXml.forEachElement(root, NOTHING_INSIDE, element -> {
            if (WordXml.is(element, "txbxContent")) {
                found.add(element);
                return false;
            }
            return true;
        });
        return found;
    }
}
