package dev.docannotator.document.pdf;

import dev.docannotator.document.BlockTexts;
import dev.docannotator.document.BlockTexts.Kinded;
import dev.docannotator.document.DocumentLimits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** What every PDF reading and annotating test starts from: a handler with the default limits and a scratch folder. */
abstract class PdfTestCase {
    final PdfHandler handler = new PdfHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    /** Each block of {@code file} as read, with the kind the reader gave it. */
    List<Kinded> readKinds(Path file) {
        return BlockTexts.withKinds(PdfReadTest.readAll(handler, file));
    }
}
