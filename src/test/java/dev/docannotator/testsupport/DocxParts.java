package dev.docannotator.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites one part of a Word file's zip, for tests that need a document POI would not write (a bomb, bad XML). */
public final class DocxParts {
    private DocxParts() {
    }

    /** Writes one part's content. */
    public interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    /** The entries of {@code docx}, with word/document.xml's content replaced by what {@code documentXml} writes. */
    public static byte[] withDocumentXml(byte[] docx, PartWriter documentXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    documentXml.write(zip);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
