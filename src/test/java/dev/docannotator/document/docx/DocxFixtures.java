package dev.docannotator.document.docx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    /** When the tests' comments are dated. */
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private DocxFixtures() {
    }

    /** A DOCX handler with the default limits whose comments are dated {@link #NOW}. */
    static DocxHandler handler() {
        return new DocxHandler(DocumentLimits.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A finding on the {@code occurrence}-th (from 0) {@code quote} of {@code text}. */
    static Annotation finding(ExtractedText text, String quote, int occurrence, String message, String suggestion) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.text().indexOf(quote, at + 1);
        }
        assertThat(at).as("quote %s", quote).isGreaterThanOrEqualTo(0);
        return new Annotation(null, at, at + quote.length(), quote, null, null, "style", "warning", message, suggestion,
                "test");
    }

    /**
     * {@code file} with {@code annotations} as comments in {@code language}, applied in batches of 50 as the
     * pipeline does, saved as a new file in {@code dir}.
     */
    static Path annotate(DocxHandler handler, Path dir, Path file, ExtractedText text, Language language,
                         List<Annotation> annotations) {
        Path out = dir.resolve("out-" + System.nanoTime() + ".docx");
        try (ApplySession session = handler.openForApply(file, text, language)) {
            for (int i = 0; i < annotations.size(); i += 50) {
                session.apply(annotations.subList(i, Math.min(annotations.size(), i + 50)));
            }
            session.save(out);
        }
        return out;
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
