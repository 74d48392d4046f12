package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static dev.docannotator.testsupport.DocxParts.withDocumentXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.DocumentRejectedException.Reason;
import dev.docannotator.document.ExtractedText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxRejectionTest {
    private final DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    private static byte[] validDocx() throws IOException {
        return DocxFixtures.bytes(document -> {
            for (int i = 0; i < 20; i++) {
                paragraph(document, "Paragraph number " + i + " of a perfectly ordinary document.");
            }
        });
    }

    private Path file(String name, byte[] data) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, data);
        return file;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejectedOnReadAndApply(Path file, Reason reason) {
        assertThatThrownBy(() -> handler.openForApply(file, ExtractedText.empty()))
                .isInstanceOf(DocumentRejectedException.class);
        return assertThatThrownBy(() -> handler.openForRead(file))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void passwordProtectedDocumentIsRefusedAsPasswordProtected() throws Exception {
        byte[] docx = validDocx();
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("s3cret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(encrypted);
        }
        Path file = file("locked.docx", encrypted.toByteArray());

        assertRejectedOnReadAndApply(file, Reason.UNPROCESSABLE)
                .hasMessage("The Word document is password-protected; remove the password and upload it again.");
    }

    @Test
    void truncatedDocumentIsRefusedAsTruncated() throws IOException {
        byte[] docx = validDocx();
        Path file = file("cut.docx", Arrays.copyOf(docx, docx.length / 2));

        assertRejectedOnReadAndApply(file, Reason.UNPROCESSABLE)
                .hasMessage("The Word document is truncated or its ZIP structure is corrupt.");
    }

    @Test
    void hugeHighlyCompressibleDocumentPartIsRefusedAsDecompressionBomb() throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        byte[] bomb = withDocumentXml(validDocx(), out -> {
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Path file = file("bomb.docx", bomb);

        long start = System.nanoTime();
        assertRejectedOnReadAndApply(file, Reason.UNPROCESSABLE)
                .hasMessageStartingWith("The Word document looks like a decompression bomb");
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused early, in ms").isLessThan(10_000);
    }

    @Test
    void partLargerThanTheEntryLimitIsRefusedAsDecompressionBomb() throws IOException {
        DocumentLimits small = new DocumentLimits(25L << 20, 0.01, 64 * 1024, 1000, 1_000_000);
        byte[] docx = DocxFixtures.bytes(document -> {
            for (int i = 0; i < 3000; i++) {
                paragraph(document, "Sentence " + i + " with some ordinary words " + Integer.toHexString(i * 7919) + ".");
            }
        });
        Path file = file("large-part.docx", docx);

        assertThatThrownBy(() -> new DocxHandler(small).openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("The Word document looks like a decompression bomb: one of its parts expands beyond 1 MB.");
    }

    @Test
    void packageWithTooManyEntriesIsRefused() throws IOException {
        DocumentLimits few = new DocumentLimits(25L << 20, 0.01, 100L << 20, 5, 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(validDocx()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            for (int i = 0; i < 10; i++) {
                zip.putNextEntry(new ZipEntry("word/media/extra" + i + ".bin"));
                zip.write(i);
                zip.closeEntry();
            }
        }
        Path file = file("many.docx", out.toByteArray());

        assertThatThrownBy(() -> new DocxHandler(few).openForRead(file))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("The Word document looks like a decompression bomb: it holds more than 5 internal files.");
    }

    @Test
    void malformedDocumentXmlIsRefusedAsCorrupt() throws IOException {
        byte[] corrupt = withDocumentXml(validDocx(), out -> out.write(
                ("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>unclosed").getBytes(StandardCharsets.UTF_8)));
        Path file = file("corrupt.docx", corrupt);

        assertRejectedOnReadAndApply(file, Reason.UNPROCESSABLE)
                .hasMessage("The Word document is corrupt: its XML content could not be parsed.");
    }

    @Test
    void zipArchiveThatIsNoWordDocumentIsRefusedAsUnsupported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path file = file("archive.docx", out.toByteArray());

        assertRejectedOnReadAndApply(file, Reason.UNSUPPORTED_FORMAT)
                .hasMessage("The file is a ZIP archive but not a Word (DOCX) document.");
    }

    @Test
    void legacyOle2FileWithoutEncryptionIsRefusedAsUnsupported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[100]), "WordDocument");
            fs.writeFilesystem(out);
        }
        Path file = file("old.doc", out.toByteArray());

        assertRejectedOnReadAndApply(file, Reason.UNSUPPORTED_FORMAT).hasMessageContaining("Legacy Word files (.doc)");
    }

    @Test
    void plainTextAndEmptyFilesAreRefusedWithoutStackTraces() throws IOException {
        Path text = file("text.docx", "just some text".getBytes(StandardCharsets.UTF_8));
        Path empty = file("empty.docx", new byte[0]);

        assertRejectedOnReadAndApply(text, Reason.UNSUPPORTED_FORMAT).hasMessage("The file is not a Word (DOCX) document.");
        assertRejectedOnReadAndApply(empty, Reason.UNPROCESSABLE).hasMessage("The file is empty.");
    }

    @Test
    void absurdlyDeepNestingIsRefused() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><w:document xmlns:w=\""
                + WordXml.W + "\"><w:body>");
        int depth = 200;
        xml.append("<w:sdt><w:sdtContent>".repeat(depth)).append("<w:p><w:r><w:t>deep</w:t></w:r></w:p>")
                .append("</w:sdtContent></w:sdt>".repeat(depth)).append("</w:body></w:document>");
        Path file = file("deep.docx", withDocumentXml(validDocx(), out -> out.write(xml.toString().getBytes(StandardCharsets.UTF_8))));

        assertRejectedOnReadAndApply(file, Reason.UNPROCESSABLE).hasMessageContaining("nests tables or content controls");
    }
}
