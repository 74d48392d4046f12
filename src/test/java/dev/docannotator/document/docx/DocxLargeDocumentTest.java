package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxReadTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document of about 150 pages: 3000 paragraphs in mixed runs plus tables, read whole and given 300 comments. */
class DocxLargeDocumentTest {
    private static final int PARAGRAPHS = 3000;
    private static final int COMMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void readsThreeThousandParagraphsAndAppliesThreeHundredCommentsWellWithinBounds() throws IOException {
        Path file = DocxFixtures.write(dir, "large.docx", document -> {
            for (int i = 0; i < PARAGRAPHS; i++) {
                XWPFParagraph paragraph = document.createParagraph();
                DocxFixtures.run(paragraph, "Section " + i + " explains ", false, false);
                DocxFixtures.run(paragraph, "the important point", true, false);
                DocxFixtures.run(paragraph, " in a sentence that is long enough to look like real prose, "
                        + "with teh occasional typo planted for the checker.", false, i % 3 == 0);
                if (i % 100 == 99) {
                    XWPFTable table = document.createTable(3, 3);
                    table.getRow(1).getCell(1).setText("Table after section " + i);
                }
            }
        });
        DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

        long readStart = System.nanoTime();
        ExtractedText text;
        long slowestUnitMs = 0;
        try (ReadSession session = handler.openForRead(file)) {
            TextBuilder builder = new TextBuilder();
            for (int i = 0; i < session.unitCount(); i++) {
                long unitStart = System.nanoTime();
                session.readUnit(i, builder);
                slowestUnitMs = Math.max(slowestUnitMs, (System.nanoTime() - unitStart) / 1_000_000);
            }
            text = builder.build();
        }
        long readMs = (System.nanoTime() - readStart) / 1_000_000;

        List<Annotation> annotations = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < COMMENTS; i++) {
            // alternate between a span inside one run and one across three runs
            String quote = i % 2 == 0 ? "teh" : "explains the important point in";
            int at = text.text().indexOf(quote, from);
            annotations.add(new Annotation("a" + i, at, at + quote.length(), quote, null, null,
                    "spelling", "warning", "Check this.", i % 2 == 0 ? "the" : null, "test"));
            from = text.text().indexOf('\n', at) + 1;
        }

        Path out = dir.resolve("large.annotated.docx");
        long applyStart = System.nanoTime();
        long slowestBatchMs = 0;
        try (ApplySession session = handler.openForApply(file, text)) {
            for (int i = 0; i < annotations.size(); i += 50) {
                long batchStart = System.nanoTime();
                session.apply(annotations.subList(i, Math.min(annotations.size(), i + 50)));
                slowestBatchMs = Math.max(slowestBatchMs, (System.nanoTime() - batchStart) / 1_000_000);
            }
            session.save(out);
        }
        long applyMs = (System.nanoTime() - applyStart) / 1_000_000;
        System.out.printf("DOCX %d paragraphs (%d chars): read %d ms (slowest unit %d ms); "
                        + "apply %d comments + save %d ms (slowest batch of 50: %d ms)%n",
                text.blocks().size(), text.text().length(), readMs, slowestUnitMs, COMMENTS, applyMs, slowestBatchMs);

        assertThat(text.blocks().size()).isEqualTo(PARAGRAPHS + 30 * 9);
        assertThat(readMs + applyMs).as("read + apply in ms").isLessThan(30_000);
        List<CommentInspector.Found> comments = CommentInspector.byAuthor(out, "DocAnnotator");
        assertThat(comments).hasSize(COMMENTS);
        assertThat(comments).extracting(CommentInspector.Found::anchoredText)
                .containsExactlyElementsOf(annotations.stream().map(Annotation::quote).toList());
        assertThat(readAll(handler, out)).isEqualTo(text);
    }
}
