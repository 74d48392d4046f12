package dev.docannotator.document.docx;

import dev.docannotator.document.UnreadContent;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * What a Word document holds with words in it that the reader does not read: headers and footers, text boxes and
 * shapes (in the body and in the notes read), imported content. "With words" means a letter somewhere (a footer that
 * only numbers its pages, an empty text box do not count): the result tells a person only what they would miss.
 */
final class UnreadScan {
    private static final Set<String> NOTHING_INSIDE = Set.of("rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr",
            "del", "moveFrom");

    private final DocxTextWalker walker;

    UnreadScan(DocxTextWalker walker) {
        this.walker = walker;
    }

    Set<UnreadContent> of(XWPFDocument document, WordBodyScan body, List<Element> notes) {
        Set<UnreadContent> unread = EnumSet.noneOf(UnreadContent.class);
        if (anyWithWords(document.getHeaderList()) || anyWithWords(document.getFooterList())) {
            unread.add(UnreadContent.HEADERS_AND_FOOTERS);
        }
        boolean textBoxes = anyHasWords(body.textBoxes());
        for (int i = 0; i < notes.size() && !textBoxes; i++) {
            textBoxes = anyHasWords(WordBodyScan.textBoxesIn(notes.get(i)));
        }
        if (textBoxes) {
            unread.add(UnreadContent.TEXT_BOXES);
        }
        if (body.importsContent()) {
            unread.add(UnreadContent.IMPORTED_CONTENT);
        }
        return unread;
    }

    private boolean anyWithWords(Collection<? extends XWPFHeaderFooter> parts) {
        for (XWPFHeaderFooter part : parts == null ? List.<XWPFHeaderFooter>of() : parts) {
            if (part._getHdrFtr() != null && hasWords((Element) part._getHdrFtr().getDomNode())) {
                return true;
            }
        }
        return false;
    }

    private boolean anyHasWords(List<Element> containers) {
        for (Element container : containers) {
            if (hasWords(container)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any paragraph under {@code root}, text boxes included, has a letter (any script). */
    private boolean hasWords(Element root) {
        boolean[] found = {false};
        WordXml.forEachElement(root, NOTHING_INSIDE, element -> {
            if (found[0]) {
                return false;
            }
            if (WordXml.is(element, "p") && walker.paragraph(element).text().codePoints().anyMatch(Character::isLetter)) {
                found[0] = true;
                return false;
            }
            return true;
        });
        return found[0];
    }
}
