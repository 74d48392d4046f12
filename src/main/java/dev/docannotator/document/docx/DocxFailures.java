package dev.docannotator.document.docx;

import dev.docannotator.document.RejectionText;
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
                return DocumentRejectedException.unprocessable(
                        RejectionText.of("docx.bomb_part", megabytes(limits.maxEntryBytes())), failure);
            }
            if (message.contains("zip bomb detected")) {
                return DocumentRejectedException.unprocessable(RejectionText.of("docx.bomb_ratio"), failure);
            }
            if (message.contains("more internal file entries than expected")) {
                return DocumentRejectedException.unprocessable(
                        RejectionText.of("docx.bomb_entries", limits.maxEntries()), failure);
            }
            if (message.contains("strict ooxml")) {
                return DocumentRejectedException.unprocessable(RejectionText.of("docx.strict"), failure);
            }
            xml |= t instanceof XmlException || t instanceof SAXException;
            zip |= t instanceof ZipException || t instanceof EOFException || message.contains("truncated");
            notOffice |= t instanceof NotOfficeXmlFileException || message.contains("content type part");
        }
        if (zip) {
            return DocumentRejectedException.unprocessable(
                    RejectionText.of("docx.corrupt_zip"), failure);
        }
        if (xml) {
            return DocumentRejectedException.unprocessable(
                    RejectionText.of("docx.corrupt_xml"), failure);
        }
        if (notOffice) {
            return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                    RejectionText.of("docx.zip_not_word"), failure);
        }
        if (failure instanceof StackOverflowError) {
            return DocumentRejectedException.unprocessable(RejectionText.of("docx.too_deep"), failure);
        }
        return DocumentRejectedException.unprocessable(RejectionText.of("docx.damaged"), failure);
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
