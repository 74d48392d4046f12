package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the exact read output (text, blocks, per-character glyph and line, glyph boxes) of a PDF that exercises
 * rotation, cropping, fake bold, shadows, /ActualText and odd glyphs, against a dump recorded before the allocation
 * work of issue 7 (per-character indices and boxes as one digest per page, see {@link ReadOutputDump#compact}).
 * Speed work on the extractor must not change a single character or float of it.
 */
class PdfReadOutputTest {
    private static final String EXPECTED = "/pdf/stress-read-output.txt";

    @TempDir
    Path dir;

    @Test
    void theFullReadOutputOfTheStressPdfIsUnchanged() throws IOException {
        String actual = ReadOutputDump.compact(ReadOutputDump.of(StressPdf.write(dir.resolve("stress.pdf"))));
        String expected;
        try (InputStream in = PdfReadOutputTest.class.getResourceAsStream(EXPECTED)) {
            assertThat(in).as("recorded output " + EXPECTED).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
