package dev.docannotator.document.pdf;

import dev.docannotator.common.Language;
import dev.docannotator.document.ReviewTexts;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.nio.file.Path;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads PDFs page by page (one unit per page, one block per paragraph) and annotates them with highlights.
 * A PDF without a text layer reads as empty text; the pipeline decides what to tell the user about it.
 */
public final class PdfHandler implements DocumentHandler {
    private final PdfOpener opener;

    public PdfHandler(DocumentLimits limits) {
        this.opener = new PdfOpener(limits);
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.PDF;
    }

    @Override
    public ReadSession openForRead(Path file) {
        return new PdfReadSession(opener.open(file));
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        return openForApply(file, text, Language.ENGLISH);
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text, Language language) {
        PDDocument document = opener.open(file);
        try {
            return new PdfApplySession(file, document, text, ReviewTexts.of(language));
        } catch (RuntimeException e) {
            IOUtils.closeQuietly(document);
            throw e;
        }
    }
}
