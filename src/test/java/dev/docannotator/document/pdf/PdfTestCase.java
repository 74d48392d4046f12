package dev.docannotator.document.pdf;

import dev.docannotator.document.DocumentLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What every PDF reading and annotating test starts from: a handler with the default limits and a scratch folder. */
abstract class PdfTestCase {
    final PdfHandler handler = new PdfHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;
}
