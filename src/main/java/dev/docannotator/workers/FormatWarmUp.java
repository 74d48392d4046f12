package dev.docannotator.workers;

import dev.docannotator.pipeline.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a small Word file and a small PDF before a worker says it is ready. The first document a fresh JVM opens
 * loads several thousand POI/XMLBeans and PDFBox classes; paid on a user's upload, that is a slow first check after
 * every start or recycle, and on a busy machine one that overruns the validation time limit and refuses a good file.
 */
final class FormatWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(FormatWarmUp.class);
    /** Once loads the classes; a few more rounds get the hottest paths past the interpreter. */
    private static final int ROUNDS = 5;

    private FormatWarmUp() {
    }

    /** Best effort: a failure here only means the first real upload pays the class loading instead. */
    static void admitSamples(Engine engine) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("docannotator-warm-up");
            Path docx = dir.resolve("sample.docx");
            try (OutputStream out = Files.newOutputStream(docx)) {
                writeDocx(out);
            }
            Path pdf = dir.resolve("sample.pdf");
            writePdf(pdf);
            for (int round = 0; round < ROUNDS; round++) {
                engine.admit(docx, "sample.docx");
                engine.admit(pdf, "sample.pdf");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Warming up the document readers failed; the first upload will be slower", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void writeDocx(OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (int i = 0; i < 40; i++) {
                document.createParagraph().createRun().setText("Paragraph " + i + " loads the Word reader.");
            }
            document.write(out);
        }
    }

    private static void writePdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("A line that loads the PDF reader.");
                content.endText();
            }
            document.save(file.toFile());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("Cannot delete the warm-up files in {}", dir, e);
        }
    }
}
