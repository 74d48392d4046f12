package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;

class PdfRejectionTest extends PdfTestCase {
    @Test
    void aPdfWithAUserPasswordIsRejectedAsPasswordProtected() throws IOException {
        Path file = TestPdfs.writeEncrypted(dir.resolve("locked.pdf"), "owner-secret", "user-secret",
                PageSpec.of("Secret text."));

        assertThatThrownBy(() -> handler.openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("The PDF is password-protected")
                .extracting(e -> ((DocumentRejectedException) e).reason())
                .isEqualTo(DocumentRejectedException.Reason.UNPROCESSABLE);
    }

    /**
     * The refusal must not hang on the class path: production has no Bouncy Castle, the benchmark profile has it (via
     * Tika), and PDFBox fails differently in each; the opener reads the encryption dictionary's filter first.
     */
    @Test
    void aCertificateEncryptedPdfIsRejectedAsSuchInTheReadersLanguage() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(plain, CompressParameters.NO_COMPRESSION);
        }
        // mark it as public-key encrypted: an /Encrypt entry with the Adobe.PubSec handler in the trailer
        String pdf = plain.toString(StandardCharsets.ISO_8859_1);
        int trailer = pdf.indexOf("<<", pdf.lastIndexOf("trailer")) + 2;
        pdf = pdf.substring(0, trailer)
                + "\n/Encrypt << /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s4 /V 1 /R 2 /Recipients [<3082>] >>"
                + pdf.substring(trailer);
        Path file = Files.write(dir.resolve("pubsec.pdf"), pdf.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> handler.openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("The PDF is encrypted for certificate holders")
                .extracting(e -> ((DocumentRejectedException) e).message(Locale.CHINESE))
                .asString().startsWith("该 PDF 使用证书加密");
    }

    @Test
    void theFirstHalfOfAPdfIsRejectedAsCorruptOrTruncated() throws IOException {
        Path whole = TestPdfs.write(dir.resolve("whole.pdf"), PageSpec.of("Some text that will be cut off."));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> PdfReadTest.readAll(handler, truncated))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("The PDF is corrupt");
    }

    @Test
    void garbageAfterThePdfHeaderIsRejectedAsCorrupt() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(header, header.length + garbage.length);
        System.arraycopy(garbage, 0, bytes, header.length, garbage.length);
        Path file = Files.write(dir.resolve("garbage.pdf"), bytes);

        assertThatThrownBy(() -> handler.openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("The PDF is corrupt or truncated and cannot be read.");
    }

    @Test
    void aContentStreamThatInflatesBeyondTheLimitIsRejectedAsABomb() throws IOException {
        Path file = dir.resolve("bomb.pdf");
        long spaces = InflationGuard.MAX_DECODED_STREAM_BYTES + 1024 * 1024;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            InputStream content = new SequenceInputStream(
                    new ByteArrayInputStream("BT /F1 12 Tf 50 700 Td (Hi) Tj ET".getBytes(StandardCharsets.US_ASCII)),
                    new Spaces(spaces));
            page.setContents(new PDStream(document, content, COSName.FLATE_DECODE));
            document.save(file.toFile());
        }
        assertThat(Files.size(file)).as("a small file").isLessThan(1024 * 1024);

        assertThatThrownBy(() -> PdfReadTest.readAll(handler, file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("The PDF looks like a decompression bomb");
    }

    @Test
    void aPageThatRepeatsAFormIntoAnAbsurdAmountOfTextIsRejected() throws IOException {
        Path file = dir.resolve("repeated.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDFormXObject form = new PDFormXObject(document);
            form.setBBox(page.getMediaBox());
            form.setResources(new PDResources());
            try (PDFormContentStream content = new PDFormContentStream(form)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 2);
                content.newLineAtOffset(10, 400);
                content.showText("x".repeat(1000));
                content.endText();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (int i = 0; i < 1 + PageTextStripper.MAX_GLYPHS_PER_PAGE / 1000; i++) {
                    content.drawForm(form);
                }
            }
            document.save(file.toFile());
        }

        assertThatThrownBy(() -> PdfReadTest.readAll(handler, file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("Page 1 of the PDF holds more than " + PageTextStripper.MAX_GLYPHS_PER_PAGE
                        + " characters, more than this server accepts.");
    }

    /** {@code count} spaces, generated as they are read. */
    private static final class Spaces extends InputStream {
        private long left;

        Spaces(long count) {
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) ' ');
            left -= n;
            return n;
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedAsTooLarge() throws IOException {
        Path file = TestPdfs.write(dir.resolve("big.pdf"), PageSpec.of("Too big for a tiny limit."));
        PdfHandler strict = new PdfHandler(new DocumentLimits(100, 0.01, 1000, 10, 1000));

        assertThatThrownBy(() -> strict.openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((DocumentRejectedException) e).reason())
                .isEqualTo(DocumentRejectedException.Reason.TOO_LARGE);
    }
}
