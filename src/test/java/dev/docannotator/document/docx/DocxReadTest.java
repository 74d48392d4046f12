package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static dev.docannotator.document.docx.DocxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

class DocxReadTest {
    private final DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    static ExtractedText readAll(DocxHandler handler, Path file) {
        try (ReadSession session = handler.openForRead(file)) {
            TextBuilder builder = new TextBuilder();
            builder.addUnread(session.unread()); // as the pipeline does
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
            return builder.build();
        }
    }

    /** Intro, a 2x2 table whose second cell holds a nested 1x2 table, Outro. */
    private Path documentWithTables() throws IOException {
        return write(dir, "tables.docx", document -> {
            paragraph(document, "Intro paragraph.");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("A1");
            XWPFTableCell b1 = table.getRow(0).getCell(1);
            b1.setText("B1 before");
            XWPFTable nested = b1.insertNewTbl(b1.getCTTc().addNewP().newCursor());
            var row = nested.createRow();
            row.createCell().setText("N1");
            row.createCell().setText("N2");
            b1.addParagraph().createRun().setText("B1 after");
            table.getRow(1).getCell(0).setText("A2");
            table.getRow(1).getCell(1).setText("B2");
            paragraph(document, "Outro paragraph.");
        });
    }

    @Test
    void readsBodyParagraphsAndTableCellsInReadingOrderWithNestedTables() throws IOException {
        Path file = documentWithTables();

        ExtractedText text = readAll(handler, file);

        List<String> blocks = text.blocks().stream().map(text::blockText).filter(s -> !s.isEmpty()).toList();
        assertThat(blocks).containsExactly("Intro paragraph.", "A1", "B1 before", "N1", "N2", "B1 after", "A2", "B2",
                "Outro paragraph.");
        assertThat(text.blocks()).extracting(TextBlock::paragraph)
                .containsExactlyElementsOf(numbers(1, text.blocks().size()));
        assertThat(text.blocks()).allSatisfy(block -> assertThat(block.page()).isNull());
    }

    @Test
    void oneUnitIsOneTopLevelParagraphOrWholeTable() throws IOException {
        Path file = documentWithTables();
        try (ReadSession session = handler.openForRead(file)) {
            assertThat(session.unitCount()).isEqualTo(3);
            TextBuilder builder = new TextBuilder();
            session.readUnit(0, builder);
            assertThat(builder.blockCount()).isEqualTo(1);
            session.readUnit(1, builder);
            assertThat(builder.build().text()).contains("A1", "N2", "B2").doesNotContain("Outro");
        }
    }

    @Test
    void readingFromAnyUnitWithSeededBuilderGivesTheSameTextAndParagraphNumbers() throws IOException {
        Path file = documentWithTables();
        ExtractedText full = readAll(handler, file);

        for (int k = 0; k <= 3; k++) {
            ExtractedText resumed;
            try (ReadSession first = handler.openForRead(file)) {
                TextBuilder builder = new TextBuilder();
                for (int i = 0; i < k; i++) {
                    first.readUnit(i, builder);
                }
                ExtractedText checkpoint = builder.build();
                try (ReadSession second = handler.openForRead(file)) {
                    TextBuilder seeded = new TextBuilder(checkpoint);
                    for (int i = k; i < second.unitCount(); i++) {
                        second.readUnit(i, seeded);
                    }
                    resumed = seeded.build();
                }
            }
            assertThat(resumed).as("resumed at unit %d", k).isEqualTo(full);
        }
    }

    @Test
    void keepsHyperlinkAndFieldResultTextButNotFieldInstructions() throws IOException {
        Path file = write(dir, "fields.docx", document -> {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText("Read ");
            XWPFHyperlinkRun link = paragraph.createHyperlinkRun("https://example.com/");
            link.setText("the manual");
            paragraph.createRun().setText(" on page ");
            DocxFixtures.complexField(paragraph, " PAGEREF _Toc1 \\h ", "7");
            paragraph.createRun().setText(", chapter ");
            CTSimpleField simple = paragraph.getCTP().addNewFldSimple();
            simple.setInstr(" SEQ Chapter ");
            simple.addNewR().addNewT().setStringValue("3");
            paragraph.createRun().setText(".");
        });

        ExtractedText text = readAll(handler, file);

        assertThat(text.text()).isEqualTo("Read the manual on page 7, chapter 3.");
    }

    @Test
    void tabsBecomeTabsAndBreaksBecomeSpacesSoNoBlockHoldsTheSeparator() throws IOException {
        Path file = write(dir, "breaks.docx", document -> {
            XWPFParagraph paragraph = document.createParagraph();
            var run = paragraph.createRun();
            run.setText("Name");
            run.addTab();
            run.setText("Value");
            run.addBreak();
            run.setText("next line");
            paragraph.createRun().setText("raw\nnewline");
            paragraph(document, "Second");
        });

        ExtractedText text = readAll(handler, file);

        assertThat(text.text()).isEqualTo("Name\tValue next lineraw newline\nSecond");
        assertThat(text.blocks()).hasSize(2);
    }

    @Test
    void plantedWordsSitAtTheOffsetsTheDocumentWasBuiltWith() throws IOException {
        List<String> lines = new ArrayList<>();
        List<Integer> planted = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < 40; i++) {
            String prefix = "Paragraph " + i + " has ";
            String line = prefix + (i % 7 == 0 ? "teh" : "the") + " word.";
            if (i % 7 == 0) {
                planted.add(offset + prefix.length());
            }
            lines.add(line);
            offset += line.length() + 1;
        }
        Path file = write(dir, "planted.docx", document -> lines.forEach(line -> paragraph(document, line)));

        ExtractedText text = readAll(handler, file);

        assertThat(planted).hasSize(6).allSatisfy(at -> assertThat(text.text().substring(at, at + 3)).isEqualTo("teh"));
        assertThat(text.blockAt(planted.get(1)).paragraph()).isEqualTo(8);
    }

    @Test
    void deletedTrackedTextIsSkippedAndInsertedTextKept() throws IOException {
        Path file = write(dir, "tracked.docx", document -> {
            XWPFParagraph paragraph = paragraph(document, "Keep ");
            var ctp = paragraph.getCTP();
            var del = ctp.addNewDel();
            del.setId(java.math.BigInteger.ONE);
            del.setAuthor("Bob");
            del.addNewR().addNewDelText().setStringValue("removed ");
            var ins = ctp.addNewIns();
            ins.setId(java.math.BigInteger.TWO);
            ins.setAuthor("Bob");
            ins.addNewR().addNewT().setStringValue("added");
        });

        assertThat(readAll(handler, file).text()).isEqualTo("Keep added");
    }

    @Test
    void hiddenTextIsSkipped() throws IOException {
        Path file = write(dir, "hidden.docx", document -> {
            XWPFParagraph paragraph = paragraph(document, "Shown ");
            paragraph.createRun().setText("secret ");
            paragraph.getRuns().get(1).setVanish(true);
            var unhidden = paragraph.createRun();
            unhidden.setText("text");
            unhidden.setVanish(false);
        });

        assertThat(readAll(handler, file).text()).isEqualTo("Shown text");
    }

    @Test
    void readingNeverWritesTheOriginalFile() throws IOException {
        Path file = documentWithTables();
        byte[] before = Files.readAllBytes(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        readAll(handler, file);
        handler.validate(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    private static List<Integer> numbers(int from, int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(from + i);
        }
        return numbers;
    }

    @Test
    void headersAndFootersAreNotPartOfTheText() throws IOException {
        Path file = write(dir, "header.docx", document -> {
            document.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
                    .createParagraph().createRun().setText("Confidential header");
            document.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
                    .createParagraph().createRun().setText("Page footer");
            paragraph(document, "Body text only.");
        });

        assertThat(readAll(handler, file).text()).isEqualTo("Body text only.");
    }
}
