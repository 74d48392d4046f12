package dev.docannotator.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Realistic review material for benchmarks: English specification prose with the problems reviewers look for
 * (vague words, passive voice, TODO markers, undefined acronyms, repeated words) at a steady rate.
 */
final class SampleDocuments {
    private static final String[] SENTENCES = {
        "The service shall respond to every request within approximately two seconds under normal load.",
        "Uploaded documents are stored in the data directory and are removed after the retention period.",
        "Operators can pause the rollout at any stage if the SLA is at risk.",
        "The the scheduler keeps a bounded queue so that a burst of requests cannot exhaust memory.",
        "Some users may possibly need to resume a task after their connection drops.",
        "TODO: decide whether archived tasks count towards the per-user limit.",
        "Each annotation is anchored to the exact characters it refers to, so reviewers see the right words.",
        "The report was reviewed by the team and various changes were made to the wording.",
        "A cancelled task releases its memory and temporary files before the next task starts.",
        "Latency is measured from the moment the request arrives until the first event is written.",
    };
    static final int PARAGRAPHS_PER_PAGE = 6;
    static final int SENTENCES_PER_PARAGRAPH = 4;

    private SampleDocuments() {
    }

    static List<String> paragraphs(int pages, long seed) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < pages * PARAGRAPHS_PER_PAGE; p++) {
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < SENTENCES_PER_PARAGRAPH; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                sb.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            paragraphs.add(sb.toString());
        }
        return paragraphs;
    }

    static Path docx(Path dir, int pages) throws IOException {
        Path file = dir.resolve("sample-" + pages + "p.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            int n = 0;
            for (String paragraph : paragraphs(pages, pages)) {
                if (n % PARAGRAPHS_PER_PAGE == 0) {
                    var heading = doc.createParagraph().createRun();
                    heading.setBold(true);
                    heading.setText("Section " + (n / PARAGRAPHS_PER_PAGE + 1));
                }
                var run = doc.createParagraph().createRun();
                run.setText(paragraph);
                n++;
            }
            doc.write(out);
        }
        return file;
    }

    static Path pdf(Path dir, int pages) throws IOException {
        Path file = dir.resolve("sample-" + pages + "p.pdf");
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> paragraphs = paragraphs(pages, pages);
        try (PDDocument doc = new PDDocument()) {
            int perPage = PARAGRAPHS_PER_PAGE;
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(13);
                    content.newLineAtOffset(50, 790);
                    for (int p = page * perPage; p < (page + 1) * perPage; p++) {
                        for (String line : wrap(paragraphs.get(p), 95)) {
                            content.showText(line);
                            content.newLine();
                        }
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
