package dev.docannotator.document.pdf;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Everything a PDF read produces, as plain text: the document text and blocks of a read session, and for each page
 * every paragraph read for text only, and read with glyph boxes together with its per-character glyph and line
 * indices and the boxes (coordinates written as exact float bits). Two reads are identical exactly when their dumps are equal.
 */
final class ReadOutputDump {
    private ReadOutputDump() {
    }

    static String of(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        ExtractedText text = PdfReadTest.readAll(new PdfHandler(DocumentLimits.defaults()), file);
        out.append("text ").append(text.text().length()).append('\n').append(text.text()).append('\n');
        for (TextBlock block : text.blocks()) {
            // the format recorded before blocks had a kind; a kind other than prose is added after it
            out.append("block TextBlock[start=").append(block.start()).append(", end=").append(block.end())
                    .append(", page=").append(block.page()).append(", paragraph=").append(block.paragraph()).append(']');
            if (block.kind() != dev.docannotator.document.BlockKind.PROSE) {
                out.append(" kind=").append(block.kind());
            }
            out.append('\n');
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PageTextStripper textOnly = new PageTextStripper();
            PageTextStripper withBoxes = new PageTextStripper();
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                PageText page = textOnly.readText(document, document.getPage(p), p + 1);
                PageText boxed = withBoxes.read(document, document.getPage(p), p + 1);
                out.append("page ").append(p + 1).append(" glyphs ").append(boxed.glyphs().size()).append('\n');
                appendParagraphs(out, "text-only", page, false);
                appendParagraphs(out, "with-boxes", boxed, true);
                for (Quad q : boxed.glyphs()) {
                    out.append("quad");
                    for (float f : new float[] {q.llx(), q.lly(), q.lrx(), q.lry(), q.ulx(), q.uly(), q.urx(), q.ury()}) {
                        out.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(f)));
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * The dump with each page's per-character indices and glyph boxes folded into one SHA-256 line: small enough to
     * keep as a test resource, while texts, blocks and paragraphs stay readable in a diff.
     */
    static String compact(String dump) {
        StringBuilder out = new StringBuilder();
        MessageDigest digest = sha256();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("quad") || line.startsWith("  glyphs") || line.startsWith("  lines")) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (line.startsWith("page ")) {
                out.append("digest ").append(HexFormat.of().formatHex(digest.digest())).append('\n');
            }
            out.append(line).append('\n');
        }
        return out.append("digest ").append(HexFormat.of().formatHex(digest.digest())).append('\n').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendParagraphs(StringBuilder out, String mode, PageText page, boolean withIndices) {
        for (PdfParagraph paragraph : page.paragraphs()) {
            out.append(mode).append(" paragraph ").append(paragraph.text()).append('\n');
            if (!withIndices) {
                // text-only reads carry no per-character indices: only the text is compared
                continue;
            }
            out.append("  glyphs[").append(paragraph.glyphOfChar().length).append(']');
            for (int i = 0; i < paragraph.text().length(); i++) {
                out.append(' ').append(paragraph.glyphOfChar()[i]);
            }
            out.append("\n  lines[").append(paragraph.lineOfChar().length).append(']');
            for (int i = 0; i < paragraph.text().length(); i++) {
                out.append(' ').append(paragraph.lineOfChar()[i]);
            }
            out.append('\n');
        }
    }
}
