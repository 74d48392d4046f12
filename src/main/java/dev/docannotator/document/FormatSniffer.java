package dev.docannotator.document;

import dev.docannotator.document.DocumentRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides a file's format from its bytes. The file name is only a hint to tell Markdown from plain text;
 * it never makes a binary file count as a document.
 */
public final class FormatSniffer {
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final Pattern MARKDOWN_HINTS = Pattern.compile(
            "(?m)^(#{1,6} \\S|```|\\s*[-*+] \\[[ xX]\\] |\\|.*\\|\\s*$)|\\[[^\\]\\n]+\\]\\([^)\\s]+\\)");
    private static final int HEAD_BYTES = 8192;

    public DocumentFormat sniff(Path file, String filenameHint) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw DocumentRejectedException.unprocessable(RejectionText.of("empty"));
            }
            byte[] head = readHead(file);
            if (startsWith(head, PDF_MAGIC) || indexOf(head, PDF_MAGIC, 1024) >= 0) {
                return DocumentFormat.PDF;
            }
            if (startsWith(head, ZIP_MAGIC)) {
                return sniffZip(file);
            }
            if (startsWith(head, OLE2_MAGIC)) {
                throw sniffOle2(file);
            }
            return sniffText(file, head, filenameHint);
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("unreadable"), e);
        }
    }

    private static DocumentFormat sniffZip(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 10_000) {
                String name = entry.getName();
                if (name.equals("word/document.xml")) {
                    return DocumentFormat.DOCX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("zip.corrupt"), e);
        }
        throw new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                RejectionText.of("zip.not_word"));
    }

    private static DocumentRejectedException sniffOle2(Path file) throws IOException {
        // Encrypted OOXML files are wrapped in an OLE2 container with an EncryptionInfo stream.
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage") || fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                return DocumentRejectedException.unprocessable(RejectionText.of("docx.password"));
            }
        } catch (IOException | RuntimeException e) {
            return DocumentRejectedException.unprocessable(RejectionText.of("office.corrupt"), e);
        }
        return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                RejectionText.of("office.legacy"));
    }

    private static DocumentFormat sniffText(Path file, byte[] head, String filenameHint) throws IOException {
        if (looksBinary(head)) {
            throw new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                    RejectionText.of("not_a_document"));
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("text.utf16"));
        }
        String sample = validateUtf8(file);
        String name = filenameHint == null ? "" : filenameHint.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown") || MARKDOWN_HINTS.matcher(sample).find()) {
            return DocumentFormat.MD;
        }
        return DocumentFormat.TXT;
    }

    /** Validates the whole file as UTF-8 and returns its first few thousand characters. */
    private static String validateUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder sample = new StringBuilder();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long consumed = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int n;
            boolean eof = false;
            while (!eof) {
                n = stream.read(chunk);
                eof = n < 0;
                if (n > 0) {
                    in.put(chunk, 0, n);
                }
                in.flip();
                int before = in.position();
                var result = decoder.decode(in, out, eof);
                if (result.isError()) {
                    long offset = consumed + in.position();
                    throw DocumentRejectedException.unprocessable(
                            RejectionText.of("text.bad_byte", offset));
                }
                consumed += in.position() - before;
                in.compact();
                out.flip();
                if (sample.length() < HEAD_BYTES) {
                    sample.append(out, 0, Math.min(out.remaining(), HEAD_BYTES - sample.length()));
                }
                out.clear();
            }
            var flush = decoder.flush(out);
            if (flush.isError() || in.position() > 0) {
                throw DocumentRejectedException.unprocessable(RejectionText.of("text.truncated_char"));
            }
        } catch (CharacterCodingException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("text.not_utf8"), e);
        }
        return sample.toString();
    }

    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if ((b & 0xFF) < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > head.length / 10;
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int within) {
        int limit = Math.min(data.length, within) - needle.length;
        for (int i = 0; i <= limit; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = data[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
