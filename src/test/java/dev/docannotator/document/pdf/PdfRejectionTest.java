package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.pdf.TestPdfs.PageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRejectionTest {
    private final PdfHandler handler = new PdfHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

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
    void aFileOverTheSizeLimitIsRejectedAsTooLarge() throws IOException {
        Path file = TestPdfs.write(dir.resolve("big.pdf"), PageSpec.of("Too big for a tiny limit."));
        PdfHandler strict = new PdfHandler(new DocumentLimits(100, 0.01, 1000, 10, 1000));

        assertThatThrownBy(() -> strict.openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((DocumentRejectedException) e).reason())
                .isEqualTo(DocumentRejectedException.Reason.TOO_LARGE);
    }
}
