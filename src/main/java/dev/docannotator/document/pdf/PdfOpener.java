package dev.docannotator.document.pdf;

import dev.docannotator.document.RejectionText;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF for reading or annotating, turning every way a file can be unusable into a
 * {@link DocumentRejectedException} with one specific sentence.
 *
 * <p>The file is read through a buffered random-access file (not loaded into the heap) and every stream PDFBox
 * has to decode or create goes to a temporary file, so memory does not grow with the size of the PDF.
 * A PDF encrypted with only an owner password opens with the empty user password and is processed like any other.
 */
final class PdfOpener {
    private final DocumentLimits limits;

    PdfOpener(DocumentLimits limits) {
        this.limits = limits;
    }

    PDDocument open(Path file) {
        checkSize(file);
        RandomAccessReadBufferedFile source = null;
        try {
            source = new RandomAccessReadBufferedFile(file);
            PDDocument document = Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
            if (document.getNumberOfPages() < 1) {
                document.close();
                throw DocumentRejectedException.unprocessable(RejectionText.of("pdf.no_pages"));
            }
            return document;
        } catch (InvalidPasswordException e) {
            IOUtils.closeQuietly(source);
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.password"), e);
        } catch (NoClassDefFoundError e) {
            // PDFBox needs Bouncy Castle (deliberately not shipped) only for certificate-encrypted PDFs.
            IOUtils.closeQuietly(source);
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.certificate"),
                    e);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // PDFBox signals broken structure with IOExceptions and, on some malformed input, runtime exceptions.
            IOUtils.closeQuietly(source);
            throw corrupt(e);
        }
    }

    static DocumentRejectedException corrupt(Exception cause) {
        return DocumentRejectedException.unprocessable(RejectionText.of("pdf.corrupt"), cause);
    }

    private void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxUploadBytes()) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                        RejectionText.of("pdf.too_large", limits.maxUploadBytes() / (1024 * 1024)));
            }
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("pdf.unreadable"), e);
        }
    }
}
