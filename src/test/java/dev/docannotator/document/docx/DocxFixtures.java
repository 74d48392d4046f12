package dev.docannotator.document.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFEndnotes;
import org.apache.poi.xwpf.usermodel.XWPFFootnotes;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Builds the Word documents the DOCX tests need, with POI (the only binary fixtures are the two public files in
 * src/test/resources/public-documents). */
final class DocxFixtures {
    private DocxFixtures() {
    }

    static Path write(Path dir, String name, Consumer<XWPFDocument> content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes(content));
        return file;
    }

    static byte[] bytes(Consumer<XWPFDocument> content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        }
    }

    static XWPFParagraph paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.createRun().setText(text);
        return paragraph;
    }

    static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setItalic(italic);
        return run;
    }

    /** Appends a complex field (begin, instruction, separate, result, end) showing {@code result}. */
    static void complexField(XWPFParagraph paragraph, String instruction, String result) {
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        paragraph.createRun().getCTR().addNewInstrText().setStringValue(instruction);
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        paragraph.createRun().setText(result);
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /** Adds an existing comment by another author, anchored to {@code run}. */
    static void existingComment(XWPFDocument document, XWPFRun run, int id, String author, String text) {
        XWPFComment comment = document.createComments().createComment(BigInteger.valueOf(id));
        comment.setAuthor(author);
        comment.setInitials(author.substring(0, 1));
        comment.createParagraph().createRun().setText(text);
        Element runNode = (Element) run.getCTR().getDomNode();
        Node parent = runNode.getParentNode();
        Element start = mark(runNode, "commentRangeStart", id);
        Element end = mark(runNode, "commentRangeEnd", id);
        Element reference = runNode.getOwnerDocument().createElementNS(WordXml.W, "w:r");
        reference.appendChild(mark(runNode, "commentReference", id));
        parent.insertBefore(start, runNode);
        parent.insertBefore(end, runNode.getNextSibling());
        parent.insertBefore(reference, end.getNextSibling());
    }

    /**
     * The two layout notes Word writes first into every footnotes and endnotes part: the separator line and the
     * continuation separator. They hold no text.
     */
    static void separatorNotes(XWPFDocument document) {
        XWPFFootnotes footnotes = document.createFootnotes();
        XWPFEndnotes endnotes = document.createEndnotes();
        footnotes.addFootnote(separator(STFtnEdn.SEPARATOR, -1));
        footnotes.addFootnote(separator(STFtnEdn.CONTINUATION_SEPARATOR, 0));
        endnotes.addEndnote(separator(STFtnEdn.SEPARATOR, -1));
        endnotes.addEndnote(separator(STFtnEdn.CONTINUATION_SEPARATOR, 0));
    }

    private static CTFtnEdn separator(STFtnEdn.Enum type, int id) {
        CTFtnEdn note = CTFtnEdn.Factory.newInstance();
        note.setType(type);
        note.setId(BigInteger.valueOf(id));
        CTR run = note.addNewP().addNewR();
        if (type == STFtnEdn.SEPARATOR) {
            run.addNewSeparator();
        } else {
            run.addNewContinuationSeparator();
        }
        return note;
    }

    /**
     * Fills a note as Word does: one paragraph in the "FootnoteText"/"EndnoteText" style that opens with the number
     * mark (POI adds it) followed by a tab and a space run, then {@code runs} (plain unless marked: "*bold*",
     * "_italic_").
     */
    static XWPFParagraph noteText(XWPFAbstractFootnoteEndnote note, String style, String... runs) {
        XWPFParagraph paragraph = note.createParagraph();
        paragraph.setStyle(style);
        if (paragraph.getRuns().isEmpty()) {
            note.ensureFootnoteRef(paragraph);
        }
        paragraph.getRuns().get(0).addTab();
        paragraph.createRun().setText(" ");
        for (String text : runs) {
            boolean bold = text.startsWith("*") && text.endsWith("*");
            boolean italic = text.startsWith("_") && text.endsWith("_");
            run(paragraph, bold || italic ? text.substring(1, text.length() - 1) : text, bold, italic);
        }
        return paragraph;
    }

    private static Element mark(Element near, String name, int id) {
        Element mark = near.getOwnerDocument().createElementNS(WordXml.W, "w:" + name);
        mark.setAttributeNS(WordXml.W, "w:id", Integer.toString(id));
        return mark;
    }
}
