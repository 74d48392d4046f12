package dev.docannotator.document.docx;

import dev.docannotator.document.RejectionText;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.DocumentRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Opens Word packages safely: applies the zip-bomb guards, recognises encrypted and foreign files before POI
 * sees them, and turns every failure into a {@link DocumentRejectedException} with one specific sentence.
 * A package is never saved back to where it came from: it is dropped with {@code revert()}, never {@code close()}.
 */
final class DocxOpener {
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final DocumentLimits limits;
    private final DocxFailures failures;

    DocxOpener(DocumentLimits limits) {
        this.limits = limits;
        this.failures = new DocxFailures(limits);
    }

    /** Opens {@code file} for reading only; nothing is ever written to it. */
    XWPFDocument openReadOnly(Path file) {
        return open(file, PackageAccess.READ);
    }

    /** Copies {@code file} to a private temporary file that {@link #openCopy} may open for writing. */
    Path copyOf(Path file) {
        checkSignature(file);
        try {
            Path copy = Files.createTempFile("docannotator-", ".docx");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Word document for annotating", e);
        }
    }

    /** Opens a private copy made by {@link #copyOf} so that the annotated package can be written out. */
    XWPFDocument openCopy(Path copy) {
        return open(copy, PackageAccess.READ_WRITE);
    }

    /** Drops an open document without writing anything anywhere. Null is ignored. */
    void discard(XWPFDocument document) {
        if (document != null && document.getPackage() != null) {
            document.getPackage().revert();
        }
    }

    private XWPFDocument open(Path file, PackageAccess access) {
        checkSignature(file);
        // one guard per open: it holds a buffer and is not thread-safe
        new XmlPartGuard(limits).check(file);
        applyZipGuards();
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), access);
            checkMainPart(pkg);
            return new XWPFDocument(pkg);
        } catch (DocumentRejectedException e) {
            revertQuietly(pkg);
            throw e;
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: absurdly nested XML; the stack has unwound by now and the document is simply refused.
            revertQuietly(pkg);
            throw failures.classify(e);
        }
    }

    /**
     * POI's guards are process-wide; they are set from this installation's limits before every open. The inflate
     * ratio is judged by {@link XmlPartGuard} on the XML parts only: POI would apply it to embedded binary parts too,
     * and refuse a document with an embedded PDF as a bomb when it copies that part on saving.
     */
    private void applyZipGuards() {
        ZipSecureFile.setMinInflateRatio(0);
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
    }

    private static void checkMainPart(OPCPackage pkg) {
        var parts = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (parts.isEmpty()) {
            throw notWord();
        }
        PackagePart main = parts.get(0);
        String type = main.getContentType();
        if (!type.contains("wordprocessingml") && !type.startsWith("application/vnd.ms-word.")) {
            throw notWord();
        }
    }

    private static DocumentRejectedException notWord() {
        return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                RejectionText.of("docx.zip_not_word"));
    }

    private void checkSignature(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2_MAGIC.length);
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("docx.unreadable"), e);
        }
        if (head.length == 0) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("empty"));
        }
        if (startsWith(head, OLE2_MAGIC)) {
            throw ole2(file);
        }
        if (!startsWith(head, ZIP_MAGIC)) {
            throw new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT, RejectionText.of("docx.not_word"));
        }
        checkCentralDirectory(file);
    }

    /**
     * A truncated ZIP has no central directory. POI would then fall back to reading the stream, which keeps every
     * entry in memory and ends in a misleading error, so such files are refused here.
     */
    private static void checkCentralDirectory(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                        RejectionText.of("docx.zip_not_word"));
            }
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("docx.corrupt_zip"), e);
        }
    }

    /** Encrypted DOCX files are OLE2 containers holding an EncryptionInfo stream; other OLE2 files are legacy Office. */
    private static DocumentRejectedException ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (isEncryptedPackage(fs)) {
                return DocumentRejectedException.unprocessable(
                        RejectionText.of("docx.password"));
            }
        } catch (IOException | RuntimeException e) {
            return DocumentRejectedException.unprocessable(
                    RejectionText.of("office.corrupt"), e);
        }
        return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                RejectionText.of("docx.legacy"));
    }

    /** An encrypted OOXML package: an OLE2 container with the EncryptedPackage stream (and normally EncryptionInfo). */
    static boolean isEncryptedPackage(POIFSFileSystem fs) {
        return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")
                || fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            try {
                pkg.revert();
            } catch (RuntimeException ignored) {
                // already failing: the original error is the one worth reporting
            }
        }
    }
}
