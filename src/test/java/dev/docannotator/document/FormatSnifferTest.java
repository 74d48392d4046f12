package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentRejectedException.Reason;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSnifferTest {
    @TempDir
    Path dir;

    private final FormatSniffer sniffer = new FormatSniffer();

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path zip(String name, String... entries) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aPdfIsRecognisedWhateverItsName() throws Exception {
        assertThat(sniffer.sniff(write("report.txt", "%PDF-1.7\n...".getBytes()), "report.txt")).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void aWordPackageIsDocxAndAnyOtherZipIsUnsupported() throws Exception {
        assertThat(sniffer.sniff(zip("a.bin", "[Content_Types].xml", "word/document.xml"), "a.bin")).isEqualTo(DocumentFormat.DOCX);
        assertThatThrownBy(() -> sniffer.sniff(zip("b.docx", "xl/workbook.xml"), "b.docx"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("not a Word document");
    }

    @Test
    void aPasswordProtectedWordDocumentIsRefusedAsEncrypted() throws Exception {
        Path file = dir.resolve("secret.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("s3cret");
            try (XWPFDocument doc = new XWPFDocument(); OutputStream os = encryptor.getDataStream(fs)) {
                doc.createParagraph().createRun().setText("hidden");
                doc.write(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertThatThrownBy(() -> sniffer.sniff(file, "secret.docx"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE))
                .hasMessageContaining("password-protected");
    }

    @Test
    void aLegacyOfficeFileIsUnsupported() throws Exception {
        Path file = dir.resolve("old.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> sniffer.sniff(file, "old.doc"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("Legacy");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertThatThrownBy(() -> sniffer.sniff(write("e.txt", new byte[0]), "e.txt"))
                .isInstanceOf(DocumentRejectedException.class).hasMessage("The file is empty.");
    }

    @Test
    void binaryDataIsUnsupportedEvenWithATextName() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThatThrownBy(() -> sniffer.sniff(write("notes.txt", png), "notes.txt"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
    }

    @Test
    void invalidUtf8IsRefusedWithTheOffsetOfTheFirstBadByte() throws Exception {
        byte[] bytes = "Hello world, caf".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        bad[bytes.length] = (byte) 0xE9; // Latin-1 é
        bad[bytes.length + 1] = '!';
        assertThatThrownBy(() -> sniffer.sniff(write("latin1.txt", bad), "latin1.txt"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE))
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("offset " + bytes.length);
    }

    @Test
    void textWithABomIsTextAndMarkdownIsRecognisedByNameOrContent() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\r', '\n'};
        assertThat(sniffer.sniff(write("a.txt", bom), "a.txt")).isEqualTo(DocumentFormat.TXT);
        assertThat(sniffer.sniff(write("b.md", "plain words".getBytes()), "b.md")).isEqualTo(DocumentFormat.MD);
        assertThat(sniffer.sniff(write("c", "# Title\n\nSome [link](http://x).".getBytes()), "c")).isEqualTo(DocumentFormat.MD);
        assertThat(sniffer.sniff(write("d.txt", "中文文本，没有标记。".getBytes(StandardCharsets.UTF_8)), "d.txt")).isEqualTo(DocumentFormat.TXT);
    }

    @Test
    void utf16TextIsRefusedWithAnExplanation() throws Exception {
        byte[] utf16 = "hello".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> sniffer.sniff(write("u.txt", withBom), "u.txt"))
                .isInstanceOf(DocumentRejectedException.class);
    }
}
