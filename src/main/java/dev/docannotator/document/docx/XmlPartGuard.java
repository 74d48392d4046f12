package dev.docannotator.document.docx;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.RejectionText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The decompression-bomb guard for the parts that are parsed: every XML part ({@code .xml}, {@code .rels}) is
 * inflated once, counting its real size, and refused when it expands beyond the entry limit or, past a grace size,
 * by more than the inflate ratio allows. Binary parts (embedded PDFs, OLE objects, images) are never parsed and
 * often compress very well (a blank scanned page), so POI's ratio guard is not applied to them; POI still bounds
 * every part's real size and the number of parts.
 */
final class XmlPartGuard {
    /** Below this a part's ratio is not judged: small XML compresses extremely well without being hostile (POI's grace). */
    static final long GRACE_BYTES = 100 * 1024;

    private final DocumentLimits limits;
    private final byte[] buffer = new byte[16 * 1024];

    XmlPartGuard(DocumentLimits limits) {
        this.limits = limits;
    }

    void check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw DocumentRejectedException.unprocessable(
                        RejectionText.of("docx.bomb_entries", limits.maxEntries()));
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (!entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"))) {
                    checkPart(zip, entry);
                }
            }
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("docx.corrupt_zip"), e);
        }
    }

    private void checkPart(ZipFile zip, ZipEntry entry) throws IOException {
        long expanded = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                expanded += n;
                if (expanded > limits.maxEntryBytes()) {
                    throw DocumentRejectedException.unprocessable(
                            RejectionText.of("docx.bomb_part", Math.max(1, limits.maxEntryBytes() >> 20)));
                }
            }
        }
        long compressed = entry.getCompressedSize();
        if (expanded > GRACE_BYTES && compressed >= 0 && (double) compressed / expanded < limits.minInflateRatio()) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("docx.bomb_ratio"));
        }
    }
}
