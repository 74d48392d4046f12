package dev.docannotator.document.docx;

import static dev.docannotator.analysis.AnalysisFixture.only;
import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.document.docx.DocxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words a Word paragraph sets apart with tab stops stand in columns: the same word in two columns is no slip. */
class DocxTabStopsTest {
    private final DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    @Test
    void theSameWordAtTwoTabStopsIsNotARepeatedWordButADoubledWordInTheSentenceIs() throws IOException {
        Path file = write(dir, "tabbed.docx", document -> {
            // a form line: label, then the same entry under two column headings
            XWPFParagraph form = document.createParagraph();
            XWPFRun run = form.createRun();
            run.setText("Shipping");
            run.addTab();
            run.setText("Express");
            run.addTab();
            run.setText("Express");
            document.createParagraph().createRun().setText("Both parcels went by by express courier on Monday.");
        });
        ExtractedText text = DocxReadTest.readAll(handler, file);

        assertThat(quotes(runAll(new DefaultAnalyser(), text, only(Check.REPEATED_WORDS)))).containsExactly("by by");
    }
}
