package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static dev.docannotator.document.docx.DocxFixtures.run;
import static dev.docannotator.document.docx.DocxFixtures.write;
import static dev.docannotator.document.docx.DocxReadTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxApplyTest {
    private final DocxHandler handler = DocxFixtures.handler();

    @TempDir
    Path dir;

    /** "The quick brown fox jumps." in three runs: plain "The quick ", bold "brown fox", italic " jumps.". */
    private Path threeRuns() throws IOException {
        return write(dir, "runs.docx", document -> {
            paragraph(document, "First paragraph stays as it is.");
            XWPFParagraph paragraph = document.createParagraph();
            run(paragraph, "The quick ", false, false);
            run(paragraph, "brown fox", true, false);
            run(paragraph, " jumps.", false, true);
            XWPFParagraph linked = document.createParagraph();
            linked.createRun().setText("See ");
            XWPFHyperlinkRun link = linked.createHyperlinkRun("https://example.com/");
            link.setText("the online manual");
            linked.createRun().setText(" for details.");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Cell one");
            table.getRow(0).getCell(1).setText("Cell two text");
        });
    }

    private static Annotation annotation(ExtractedText text, String quote, int occurrence, String message, String suggestion) {
        return DocxFixtures.finding(text, quote, occurrence, message, suggestion);
    }

    private Path applyAndSave(Path file, ExtractedText text, List<Annotation> annotations) {
        return DocxFixtures.annotate(handler, dir, file, text, Language.ENGLISH, annotations);
    }

    @Test
    void spanInsideOneRunIsAnchoredToExactlyItsQuote() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        Annotation a = annotation(text, "stays", 0, "Vague verb.", null);

        Path out = applyAndSave(file, text, List.of(a));

        List<CommentInspector.Found> comments = CommentInspector.byAuthor(out, "DocAnnotator");
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.anchoredText()).isEqualTo("stays");
            assertThat(c.initials()).isEqualTo("DA");
            assertThat(c.date()).isEqualTo(DocxFixtures.NOW);
            assertThat(c.text()).isEqualTo("Vague verb.");
        });
        assertThat(readAll(handler, out)).as("annotating never changes the text").isEqualTo(text);
    }

    @Test
    void spanAcrossThreeRunsKeepsEachRunsFormatting() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        Annotation a = annotation(text, "quick brown fox jum", 0, "Cliché.", "A fresher image");

        Path out = applyAndSave(file, text, List.of(a));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement().satisfies(c -> {
            assertThat(c.anchoredText()).isEqualTo("quick brown fox jum");
            assertThat(c.text()).isEqualTo("Cliché.\nSuggestion: A fresher image");
        });
        try (InputStream in = Files.newInputStream(out); XWPFDocument document = new XWPFDocument(in)) {
            List<XWPFRun> runs = document.getParagraphs().get(1).getRuns().stream()
                    .filter(r -> !r.text().isEmpty()).toList();
            assertThat(runs).extracting(XWPFRun::text).containsExactly("The ", "quick ", "brown fox", " jum", "ps.");
            assertThat(runs).extracting(XWPFRun::isBold).containsExactly(false, false, true, false, false);
            assertThat(runs).extracting(XWPFRun::isItalic).containsExactly(false, false, false, true, true);
        }
    }

    @Test
    void spanInsideHyperlinkStaysInsideTheHyperlink() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        Annotation inside = annotation(text, "online", 0, "Redundant.", "the manual");
        Annotation across = annotation(text, "manual for", 0, "Crosses the link end.", null);

        Path out = applyAndSave(file, text, List.of(inside, across));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).extracting(CommentInspector.Found::anchoredText)
                .containsExactly("online", "manual for");
        try (InputStream in = Files.newInputStream(out); XWPFDocument document = new XWPFDocument(in)) {
            XWPFParagraph linked = document.getParagraphs().get(2);
            assertThat(linked.getText()).isEqualTo("See the online manual for details.");
            var hyperlink = linked.getCTP().getHyperlinkArray(0);
            assertThat(hyperlink.getCommentRangeStartList()).hasSize(2);
            assertThat(hyperlink.getCommentRangeEndList()).hasSize(1);
        }
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void manyAnnotationsInOneParagraphAndInTableCellsAllLandOnTheirQuotes() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        List<Annotation> annotations = List.of(
                annotation(text, "The", 0, "one", null),
                annotation(text, "quick", 0, "two", null),
                annotation(text, "brown", 0, "three", null),
                annotation(text, "fox jumps.", 0, "four", null),
                annotation(text, "o", 2, "single character", null),
                annotation(text, "Cell two", 0, "in a table", null),
                annotation(text, "two text", 0, "overlapping", null),
                annotation(text, "First paragraph stays as it is.", 0, "whole paragraph", null));

        Path out = applyAndSave(file, text, annotations);

        List<CommentInspector.Found> comments = CommentInspector.byAuthor(out, "DocAnnotator");
        assertThat(comments).hasSameSizeAs(annotations);
        assertThat(comments).extracting(CommentInspector.Found::anchoredText)
                .containsExactlyElementsOf(annotations.stream().map(Annotation::quote).toList());
        assertThat(comments).extracting(CommentInspector.Found::id).doesNotHaveDuplicates();
        assertThat(CommentInspector.references(out)).hasSize(annotations.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void existingCommentsSurviveAndNewIdsContinueAfterTheHighest() throws IOException {
        Path file = write(dir, "reviewed.docx", document -> {
            XWPFParagraph paragraph = document.createParagraph();
            XWPFRun reviewed = paragraph.createRun();
            reviewed.setText("Already reviewed sentence.");
            DocxFixtures.existingComment(document, reviewed, 7, "Alice", "Looks fine to me.");
            paragraph(document, "A sentence with teh typo.");
        });
        ExtractedText text = readAll(handler, file);
        assertThat(text.text()).isEqualTo("Already reviewed sentence.\nA sentence with teh typo.");

        Path out = applyAndSave(file, text, List.of(
                annotation(text, "teh", 0, "Spelling.", "the"),
                annotation(text, "reviewed", 0, "Inside Alice's range.", null)));

        List<CommentInspector.Found> all = CommentInspector.comments(out);
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(c -> c.author().equals("Alice")).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("7");
            assertThat(c.text()).isEqualTo("Looks fine to me.");
            assertThat(c.anchoredText()).isEqualTo("Already reviewed sentence.");
        });
        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).extracting(CommentInspector.Found::id)
                .containsExactly("8", "9");
        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).extracting(CommentInspector.Found::anchoredText)
                .containsExactly("teh", "reviewed");
    }

    @Test
    void applyingWorksOnACopyAndNeverWritesTheOriginal() throws IOException {
        Path file = threeRuns();
        byte[] original = Files.readAllBytes(file);
        ExtractedText text = readAll(handler, file);

        Path out = applyAndSave(file, text, List.of(annotation(text, "fox", 0, "Animal.", null)));

        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(Files.size(out)).isPositive();
        assertThat(CommentInspector.comments(file)).isEmpty();
    }

    @Test
    void resumedApplyReplayingEarlierAnnotationsGivesTheSameComments() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        List<Annotation> annotations = List.of(annotation(text, "quick", 0, "a", null),
                annotation(text, "online", 0, "b", null), annotation(text, "Cell", 0, "c", null));

        Path once = applyAndSave(file, text, annotations);
        Path out = dir.resolve("resumed.docx");
        try (ApplySession session = handler.openForApply(file, text)) {
            session.apply(annotations.subList(0, 2)); // replay of a checkpoint's applied annotations
            session.apply(annotations.subList(2, 3));
            session.save(out);
        }

        assertThat(CommentInspector.comments(out)).isEqualTo(CommentInspector.comments(once));
    }

    @Test
    void textThatIsNotTheDocumentsTextIsRefused() throws IOException {
        Path file = threeRuns();
        TextBuilder other = new TextBuilder();
        other.append("Something else entirely.", null, 1);

        assertThatThrownBy(() -> handler.openForApply(file, other.build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the text it was analysed with");
    }

    @Test
    void spanOverTheBlockSeparatorIsAnchoredAcrossBothParagraphs() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        int at = text.text().indexOf("it is.");
        Annotation across = new Annotation(null, at, at + "it is.\nThe".length(), "it is.\nThe", null, null,
                "style", "info", "Defensive case.", null, "test");

        Path out = applyAndSave(file, text, List.of(across));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement()
                .extracting(CommentInspector.Found::anchoredText).isEqualTo("it is.\nThe");
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void annotationOutsideTheTextIsRefused() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        Annotation beyond = new Annotation("a1", text.text().length() - 1, text.text().length() + 5, "x", null, null,
                "style", "info", "m", null, "r");

        try (ApplySession session = handler.openForApply(file, text)) {
            assertThatThrownBy(() -> session.apply(List.of(beyond))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void documentWithoutAnnotationsIsSavedWithoutACommentsPart() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);

        Path out = applyAndSave(file, text, new ArrayList<>());

        assertThat(CommentInspector.comments(out)).isEmpty();
        assertThat(readAll(handler, out)).isEqualTo(text);
        assertThat(CommentInspector.references(out)).isEqualTo(Map.of());
    }

    @Test
    void zeroWidthSpanBecomesAPointCommentAtThatPosition() throws IOException {
        Path file = threeRuns();
        ExtractedText text = readAll(handler, file);
        int at = text.text().indexOf("brown") + 2;
        Annotation point = new Annotation(null, at, at, "", null, null, "style", "info", "Insert a word here.", null, "r");

        Path out = applyAndSave(file, text, List.of(point));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement()
                .extracting(CommentInspector.Found::anchoredText).isEqualTo("");
        assertThat(readAll(handler, out)).isEqualTo(text);
    }

    @Test
    void spanInANestedTableCellIsAnchoredThere() throws IOException {
        Path file = write(dir, "nested.docx", document -> {
            XWPFTable table = document.createTable(1, 1);
            var cell = table.getRow(0).getCell(0);
            cell.setText("Outer cell");
            XWPFTable nested = cell.insertNewTbl(cell.getCTTc().addNewP().newCursor());
            nested.createRow().createCell().setText("Inner cell with a flaw");
        });
        ExtractedText text = readAll(handler, file);

        Path out = applyAndSave(file, text, List.of(annotation(text, "flaw", 0, "Nested.", null)));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).singleElement()
                .extracting(CommentInspector.Found::anchoredText).isEqualTo("flaw");
    }

    @Test
    void newCommentIdsAlsoStayClearOfStrayCommentMarksInTheBody() throws IOException {
        Path file = write(dir, "stray.docx", document -> {
            XWPFParagraph paragraph = document.createParagraph();
            XWPFRun run = paragraph.createRun();
            run.setText("A sentence with a stray mark.");
            DocxFixtures.existingComment(document, run, 3, "Carol", "Kept.");
            var stray = paragraph.getCTP().getDomNode().getOwnerDocument().createElementNS(WordXml.W, "w:commentRangeStart");
            stray.setAttributeNS(WordXml.W, "w:id", "41");
            paragraph.getCTP().getDomNode().appendChild(stray);
        });
        ExtractedText text = readAll(handler, file);

        Path out = applyAndSave(file, text, List.of(annotation(text, "stray", 0, "Odd.", null)));

        assertThat(CommentInspector.byAuthor(out, "DocAnnotator")).extracting(CommentInspector.Found::id).containsExactly("42");
    }
}
