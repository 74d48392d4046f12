package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static dev.docannotator.document.docx.DocxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxBlockKindsTest {
    private final DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    @Test
    void headingsListItemsTableCellsAndCodeAreToldFromProse() throws IOException {
        Path file = write(dir, "kinds.docx", document -> {
            paragraph(document, "Installation guide").setStyle("Heading1");
            paragraph(document, "Install the service on a host that meets the requirements below.");
            paragraph(document, "A supported Linux distribution").setNumID(BigInteger.ONE);
            XWPFParagraph code = document.createParagraph();
            XWPFRun run = code.createRun();
            run.setText("sudo apt-get install doc-annotator");
            run.setFontFamily("Consolas");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Exempt");
            table.getRow(0).getCell(1).setText("Exempt");
            paragraph(document, "Contact the administrator when the installation fails.");
        });

        ExtractedText text = DocxReadTest.readAll(handler, file);

        assertThat(text.blocks()).extracting(b -> text.blockText(b), TextBlock::kind).containsExactly(
                tuple("Installation guide", BlockKind.HEADING),
                tuple("Install the service on a host that meets the requirements below.", BlockKind.PROSE),
                tuple("A supported Linux distribution", BlockKind.LIST_ITEM),
                tuple("sudo apt-get install doc-annotator", BlockKind.CODE),
                tuple("Exempt", BlockKind.TABLE_CELL),
                tuple("Exempt", BlockKind.TABLE_CELL),
                tuple("Contact the administrator when the installation fails.", BlockKind.PROSE));
    }

    @Test
    void theLinesOfATableOfContentsAndAnIndexAreFurnitureAndBibliographyEntriesAreReferences() throws IOException {
        // what Word writes for its TOC, INDEX and BIBLIOGRAPHY fields: a heading's title and its page after a tab
        Path file = write(dir, "fields.docx", document -> {
            paragraph(document, "Contents").setStyle("TOCHeading");
            paragraph(document, "Installation guide\t3").setStyle("TOC1");
            paragraph(document, "Table 1: Supported hosts\t4").setStyle("TableofFigures");
            paragraph(document, "Installation guide").setStyle("Heading1");
            paragraph(document, "Install the service on a host that meets the requirements.");
            paragraph(document, "Bibliography").setStyle("Heading1");
            paragraph(document, "Mattmann, C., & Zitting, J. (2011). Tika in Action. Manning.").setStyle("Bibliography");
            paragraph(document, "requirements, 3").setStyle("Index1");
        });

        ExtractedText text = DocxReadTest.readAll(handler, file);

        assertThat(text.blocks()).extracting(TextBlock::kind).containsExactly(BlockKind.HEADING, BlockKind.FURNITURE,
                BlockKind.FURNITURE, BlockKind.HEADING, BlockKind.PROSE, BlockKind.HEADING, BlockKind.REFERENCE,
                BlockKind.FURNITURE);
    }
}
