package dev.docannotator.document.pdf;

import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.nio.file.Path;

/** PLACEHOLDER until the PDF handler lands. */
public final class PdfHandler implements DocumentHandler {
    public PdfHandler(DocumentLimits limits) {
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.PDF;
    }

    @Override
    public ReadSession openForRead(Path file) {
        throw new UnsupportedOperationException("PDF is not implemented yet");
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        throw new UnsupportedOperationException("PDF is not implemented yet");
    }
}
