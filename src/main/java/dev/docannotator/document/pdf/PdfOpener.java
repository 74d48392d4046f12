package dev.docannotator.document.pdf;

import dev.docannotator.document.RejectionText;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
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
        PDDocument document = null;
        try {
            source = new RandomAccessReadBufferedFile(file);
            document = new RefusingCertificates(source).parse();
            if (document.getNumberOfPages() < 1) {
                document.close();
                throw DocumentRejectedException.unprocessable(RejectionText.of("pdf.no_pages"));
            }
            return document;
        } catch (InvalidPasswordException e) {
            IOUtils.closeQuietly(source);
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("pdf.password"), e);
        } catch (CertificateEncrypted | NoClassDefFoundError e) {
            // NoClassDefFoundError: a certificate-encrypted file whose cross-reference table PDFBox had to rebuild; it
            // makes the security handler from the rebuilt trailer before prepareDecryption, and without Bouncy Castle
            // (not shipped) that handler cannot load
            IOUtils.closeQuietly(source);
            throw DocumentRejectedException.unprocessable(RejectionText.of("pdf.certificate"), e);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // PDFBox signals broken structure with IOExceptions and, on some malformed input, runtime exceptions;
            // a page tree that breaks after parsing leaves a document (and its temporary-file cache) to close too
            IOUtils.closeQuietly(document);
            IOUtils.closeQuietly(source);
            throw corrupt(e);
        }
    }

    /**
     * PDFBox's parser as {@code Loader.loadPDF} runs it (empty user password, streams cached in temporary files), but
     * a PDF encrypted for certificate holders ({@code /Filter /Adobe.PubSec}) is refused from its encryption dictionary
     * before any security handler is made. Left to PDFBox, the outcome would hang on the class path: without Bouncy
     * Castle (not shipped) its public-key handler fails to load; with it (Tika brings it in the benchmark profile) the
     * handler fails on the missing key store like a broken file. Either way the user could not be told why.
     */
    private static final class RefusingCertificates extends PDFParser {
        /** {@code PublicKeySecurityHandler.FILTER}, written out: naming that class would load it, and Bouncy Castle. */
        private static final String CERTIFICATE_FILTER = "Adobe.PubSec";

        RefusingCertificates(RandomAccessRead source) throws IOException {
            super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        }

        @Override
        protected void prepareDecryption() throws IOException {
            COSDictionary encryption = document.getEncryptionDictionary();
            if (encryption != null && CERTIFICATE_FILTER.equals(encryption.getNameAsString(COSName.FILTER))) {
                throw new CertificateEncrypted();
            }
            super.prepareDecryption();
        }
    }

    /** The file is encrypted for certificate holders: nothing in it can be read without their private key. */
    private static final class CertificateEncrypted extends IOException {
        CertificateEncrypted() {
            super("encrypted for certificate holders (" + RefusingCertificates.CERTIFICATE_FILTER + ")");
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
