package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.noteText;
import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static dev.docannotator.document.docx.DocxFixtures.separatorNotes;
import static dev.docannotator.document.docx.DocxFixtures.write;
import static dev.docannotator.document.docx.DocxReadTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.BlockTexts;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.UnreadContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFEndnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Footnotes and endnotes are read after the body as note blocks and annotated inside the notes part, as Word anchors
 * comments there; what is still not read (headers, footers, text boxes) is reported by the read session.
 */
class DocxNotesTest {
    private final DocxHandler handler = DocxFixtures.handler();

    @TempDir
    Path dir;

    /**
     * A grant letter as Word writes one: separator notes in both parts; paragraph 1 refers to footnote B (made second),
     * paragraph 2 to footnote A (made first) and to an endnote; one more footnote is referred to by nothing; a header
     * with words and a footer with only a page number.
     */
    private Path grantLetter() throws IOException {
        return write(dir, "grant.docx", document -> {
            separatorNotes(document);
            XWPFFootnote costs = document.createFootnote();
            XWPFFootnote travel = document.createFootnote();
            XWPFFootnote orphan = document.createFootnote();
            XWPFEndnote rules = document.createEndnote();

            XWPFParagraph first = paragraph(document, "The committee approved the travel grant");
            first.addFootnoteReference(travel);
            first.createRun().setText(" for the spring conference.");
            XWPFParagraph second = paragraph(document, "Costs are paid back");
            second.addFootnoteReference(costs);
            second.createRun().setText(" within a reasonable time.");
            second.addFootnoteReference(rules);

            noteText(travel, "FootnoteText", "Travel means the flights and two nights in a hotel.");
            noteText(costs, "FootnoteText", "Costs are ", "*reimbursed within*", "_ 30 days of the claim._");
            noteText(orphan, "FootnoteText", "A note nobody refers to.");
            noteText(rules, "EndnoteText", "See the grant rules, section 4, for what counts as reasonable.");

            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Grant office, internal");
            XWPFParagraph footer = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            DocxFixtures.complexField(footer, "PAGE", "1");
        });
    }

    private static Annotation annotation(ExtractedText text, String quote, String message, String suggestion) {
        return DocxFixtures.finding(text, quote, 0, message, suggestion);
    }

    private Path apply(Path file, ExtractedText text, Language language, Annotation... annotations) {
        return DocxFixtures.annotate(handler, dir, file, text, language, List.of(annotations));
    }

    @Test
    void notesAreReadAfterTheBodyInTheOrderTheyAreReferredTo() throws IOException {
        ExtractedText text = readAll(handler, grantLetter());

        assertThat(BlockTexts.of(text)).containsExactly(
                "The committee approved the travel grant for the spring conference.",
                "Costs are paid back within a reasonable time.",
                "Travel means the flights and two nights in a hotel.",
                "Costs are reimbursed within 30 days of the claim.",
                "See the grant rules, section 4, for what counts as reasonable.");
        assertThat(text.blocks()).extracting(TextBlock::kind).containsExactly(
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.NOTE, BlockKind.NOTE, BlockKind.NOTE);
        assertThat(text.blocks()).extracting(TextBlock::paragraph).containsExactly(1, 2, 3, 4, 5);
        assertThat(BlockKind.NOTE.readAsProse()).isTrue();
        for (TextBlock block : text.blocks()) {
            assertThat(text.text().substring(block.start(), block.end())).isEqualTo(text.blockText(block));
        }
    }

    @Test
    void aFindingAcrossRunsInsideAFootnoteIsACommentOnExactlyItsQuoteInTheFootnote() throws IOException {
        Path file = grantLetter();
        ExtractedText text = readAll(handler, file);
        Annotation inFootnote = annotation(text, "reimbursed within 30 days", "Say which days count.", "30 calendar days");

        Path out = apply(file, text, Language.ENGLISH, inFootnote);

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(c.part()).isEqualTo("footnotes");
            assertThat(c.anchoredText()).isEqualTo("reimbursed within 30 days");
            assertThat(c.text()).isEqualTo("Say which days count.\nSuggestion: 30 calendar days");
        });
        assertThat(CommentInspector.references(out)).containsValue(1).hasSize(1);
        try (InputStream in = Files.newInputStream(out); XWPFDocument document = new XWPFDocument(in)) {
            XWPFParagraph note = document.getFootnotes().stream()
                    .filter(n -> n.getParagraphs().get(0).getText().contains("Costs are reimbursed"))
                    .findFirst().orElseThrow().getParagraphs().get(0);
            List<XWPFRun> runs = note.getRuns().stream().filter(r -> !r.text().isBlank()).toList();
            assertThat(runs).extracting(XWPFRun::text)
                    .containsExactly("Costs are ", "reimbursed within", " 30 days", " of the claim.");
            assertThat(runs).extracting(XWPFRun::isBold).containsExactly(false, true, false, false);
            assertThat(runs).extracting(XWPFRun::isItalic).containsExactly(false, false, true, true);
        }
        assertThat(readAll(handler, out)).as("annotating never changes the text").isEqualTo(text);
    }

    @Test
    void aBodyFindingAroundAFootnoteReferenceKeepsTheReferenceInsideItsRange() throws IOException {
        Path file = grantLetter();
        ExtractedText text = readAll(handler, file);
        Annotation around = annotation(text, "travel grant for the spring", "Name the conference.", null);

        Path out = apply(file, text, Language.ENGLISH, around);

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(c.part()).isEqualTo("body");
            assertThat(c.anchoredText()).isEqualTo("travel grant for the spring");
        });
        try (InputStream in = Files.newInputStream(out); XWPFDocument document = new XWPFDocument(in)) {
            List<String> order = new ArrayList<>();
            visit(document.getDocument().getBody().getDomNode(), node -> {
                if (WordXml.is(node, "commentRangeStart") || WordXml.is(node, "commentRangeEnd")
                        || WordXml.is(node, "footnoteReference")) {
                    order.add(node.getLocalName());
                }
            });
            assertThat(order).startsWith("commentRangeStart", "footnoteReference", "commentRangeEnd");
        }
        assertThat(readAll(handler, out)).as("the footnote is still there and still read").isEqualTo(text);
    }

    @Test
    void findingsInTheBodyAFootnoteAndAnEndnoteLandEachInItsOwnPartWithChineseSuggestions() throws IOException {
        Path file = grantLetter();
        ExtractedText text = readAll(handler, file);

        Path out = apply(file, text, Language.CHINESE,
                annotation(text, "reasonable time", "“reasonable time”表述模糊。", "30 天内"),
                annotation(text, "two nights", "请写明日期。", null),
                annotation(text, "what counts as reasonable", "“reasonable”表述模糊。", "写明天数"));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator"))
                .extracting(CommentInspector.Found::part, CommentInspector.Found::anchoredText, CommentInspector.Found::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("body", "reasonable time", "“reasonable time”表述模糊。\n建议：30 天内"),
                        org.assertj.core.groups.Tuple.tuple("footnotes", "two nights", "请写明日期。"),
                        org.assertj.core.groups.Tuple.tuple("endnotes", "what counts as reasonable",
                                "“reasonable”表述模糊。\n建议：写明天数"));
        assertThat(CommentInspector.references(out)).hasSize(3).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void aSpanFromTheBodyIntoAFootnoteEndsItsCommentWithTheBody() throws IOException {
        Path file = grantLetter();
        ExtractedText text = readAll(handler, file);
        int start = text.text().indexOf("reasonable time.");
        int end = text.text().indexOf("Travel means") + "Travel".length();
        Annotation across = new Annotation(null, start, end, text.text().substring(start, end), null, null, "style",
                "info", "Across two stories.", null, "test");

        Path out = apply(file, text, Language.ENGLISH, across);

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(c.part()).isEqualTo("body");
            assertThat(c.anchoredText()).isEqualTo("reasonable time.");
        });
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void newCommentIdsStayClearOfCommentMarksAlreadyInANote() throws IOException {
        Path file = write(dir, "marked.docx", document -> {
            separatorNotes(document);
            XWPFFootnote note = document.createFootnote();
            XWPFParagraph body = paragraph(document, "Body text");
            body.addFootnoteReference(note);
            XWPFParagraph text = noteText(note, "FootnoteText", "A note with an old mark.");
            // a mark left by another tool, its comment long deleted: its id must not be reused
            Element mark = (Element) text.getCTP().getDomNode().getOwnerDocument()
                    .createElementNS(WordXml.W, "w:commentRangeStart");
            mark.setAttributeNS(WordXml.W, "w:id", "40");
            text.getCTP().getDomNode().appendChild(mark);
        });
        ExtractedText text = readAll(handler, file);

        Path out = apply(file, text, Language.ENGLISH, annotation(text, "old mark", "Which mark?", null));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(Integer.parseInt(c.id())).isGreaterThan(40);
            assertThat(c.anchoredText()).isEqualTo("old mark");
        });
    }

    @Test
    void aHeaderWithWordsIsReportedUnreadButAFooterWithOnlyAPageNumberIsNot() throws IOException {
        try (ReadSession session = handler.openForRead(grantLetter())) {
            assertThat(session.unread()).containsExactly(UnreadContent.HEADERS_AND_FOOTERS);
        }
        Path pageNumbersOnly = write(dir, "numbers.docx", document -> {
            paragraph(document, "Body text.");
            DocxFixtures.complexField(document.createFooter(HeaderFooterType.DEFAULT).createParagraph(), "PAGE", "7");
        });
        try (ReadSession session = handler.openForRead(pageNumbersOnly)) {
            assertThat(session.unread()).isEmpty();
        }
        assertThat(readAll(handler, grantLetter()).unread()).as("carried in the text model")
                .containsExactly(UnreadContent.HEADERS_AND_FOOTERS);
    }

    /** Apache Tika's public test document: a footnote, a header, a footer and a text box, as Word saved them. */
    @Test
    void aRealWordFileHasItsFootnoteReadAndAnnotatedAndItsHeaderAndTextBoxReportedUnread() throws IOException {
        Path file = publicDocument("testWORD_various.docx");
        ExtractedText text = readAll(handler, file);

        List<TextBlock> notes = text.blocks().stream().filter(b -> b.kind() == BlockKind.NOTE).toList();
        assertThat(notes).extracting(text::blockText).containsExactly("This is a footnote.");
        assertThat(text.blocks().get(text.blocks().size() - 1).kind()).as("notes come after the body")
                .isEqualTo(BlockKind.NOTE);
        assertThat(text.unread()).containsExactly(UnreadContent.HEADERS_AND_FOOTERS, UnreadContent.TEXT_BOXES);
        assertThat(text.text()).doesNotContain("This is the header text.", "Here is a text box");

        int at = text.text().indexOf("a footnote");
        Path out = apply(file, text, Language.ENGLISH, new Annotation(null, at, at + 10, "a footnote", null, null,
                "style", "info", "Which one?", null, "test"));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(c.part()).isEqualTo("footnotes");
            assertThat(c.anchoredText()).isEqualTo("a footnote");
        });
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    /** Another public one: a short Russian (transliterated) text whose only footnote is "snoska" ("footnote"). */
    @Test
    void aRealWordFileWithOneFootnoteReadsItAfterTheBody() throws IOException {
        ExtractedText text = readAll(handler, publicDocument("footnotes.docx"));

        TextBlock last = text.blocks().get(text.blocks().size() - 1);
        assertThat(text.blockText(last)).isEqualTo("snoska");
        assertThat(last.kind()).isEqualTo(BlockKind.NOTE);
        assertThat(text.text()).contains("Eto ochen prostoy text so snoskoy");
        assertThat(text.unread()).isEmpty();
    }

    @Test
    void aDocumentWithoutNotesReadsAsBefore() throws IOException {
        Path file = write(dir, "plain.docx", document -> {
            paragraph(document, "One.");
            paragraph(document, "Two.");
        });
        ExtractedText text = readAll(handler, file);
        assertThat(BlockTexts.of(text)).containsExactly("One.", "Two.");
        assertThat(text.unread()).isEmpty();
        assertThat(Set.copyOf(text.blocks().stream().map(TextBlock::kind).toList())).containsOnly(BlockKind.PROSE);
    }

    /** A public Word file checked in under src/test/resources/public-documents (its SOURCES.md names where from). */
    static Path publicDocument(String name) {
        java.net.URL resource = DocxNotesTest.class.getResource("/public-documents/" + name);
        assertThat(resource).as("public-documents/" + name + " on the test classpath").isNotNull();
        try {
            return Path.of(resource.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            visit(child, action);
        }
    }
}
