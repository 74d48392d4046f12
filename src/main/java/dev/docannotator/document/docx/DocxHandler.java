package dev.docannotator.document.docx;

import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.nio.file.Path;

/** PLACEHOLDER until the DOCX handler lands. */
public final class DocxHandler implements DocumentHandler {
    public DocxHandler(DocumentLimits limits) {
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.DOCX;
    }

    @Override
    public ReadSession openForRead(Path file) {
        throw new UnsupportedOperationException("DOCX is not implemented yet");
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        throw new UnsupportedOperationException("DOCX is not implemented yet");
    }
}
