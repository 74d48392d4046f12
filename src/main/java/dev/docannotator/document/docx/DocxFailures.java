package dev.docannotator.document.docx;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.DocumentRejectedException.Reason;
import java.io.EOFException;
import java.util.Locale;
import java.util.zip.ZipException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.xmlbeans.XmlException;
import org.xml.sax.SAXException;

/** Turns whatever POI throws while opening a package into one human sentence. */
final class DocxFailures {
    private final DocumentLimits limits;

    DocxFailures(DocumentLimits limits) {
        this.limits = limits;
    }

    DocumentRejectedException classify(Throwable failure) {
        boolean xml = false;
        boolean zip = false;
        boolean notOffice = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb detected") && message.contains("max size of the expanded data")) {
                return DocumentRejectedException.unprocessable("The Word document looks like a decompression bomb: "
                        + "one of its parts expands beyond " + megabytes(limits.maxEntryBytes()) + " MB.", failure);
            }
            if (message.contains("zip bomb detected")) {
                return DocumentRejectedException.unprocessable("The Word document looks like a decompression bomb: "
                        + "it expands far more than a real document would.", failure);
            }
            if (message.contains("more internal file entries than expected")) {
                return DocumentRejectedException.unprocessable("The Word document looks like a decompression bomb: "
                        + "it holds more than " + limits.maxEntries() + " internal files.", failure);
            }
            if (message.contains("strict ooxml")) {
                return DocumentRejectedException.unprocessable("The Word document is saved as Strict Open XML, "
                        + "which is not supported; save it as a standard Word document and upload it again.", failure);
            }
            xml |= t instanceof XmlException || t instanceof SAXException;
            zip |= t instanceof ZipException || t instanceof EOFException || message.contains("truncated");
            notOffice |= t instanceof NotOfficeXmlFileException || message.contains("content type part");
        }
        if (zip) {
            return DocumentRejectedException.unprocessable(
                    "The Word document is truncated or its ZIP structure is corrupt.", failure);
        }
        if (xml) {
            return DocumentRejectedException.unprocessable(
                    "The Word document is corrupt: its XML content could not be parsed.", failure);
        }
        if (notOffice) {
            return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                    "The file is a ZIP archive but not a Word (DOCX) document.", failure);
        }
        if (failure instanceof StackOverflowError) {
            return DocumentRejectedException.unprocessable("The Word document is nested too deeply to be read.", failure);
        }
        return DocumentRejectedException.unprocessable("The Word document could not be opened; it may be damaged.", failure);
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
