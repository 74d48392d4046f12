package dev.docannotator.document.docx;

import static dev.docannotator.document.docx.DocxFixtures.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.ExtractedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Word files that were wrongly refused or misread (issue 12, item 8). */
class DocxContentTest {
    private final DocxHandler handler = new DocxHandler(DocumentLimits.defaults());

    @TempDir
    Path dir;

    @Test
    void aDocumentWithAnEmbeddedPdfThatCompressesWellIsRead() throws IOException {
        Path file = DocxFixtures.write(dir, "embedded.docx", document -> {
            paragraph(document, "The signed contract is attached below as a PDF.");
            try {
                PackagePartName name = PackagingURIHelper.createPartName("/word/embeddings/contract.pdf");
                PackagePart part = document.getPackage().createPart(name, "application/pdf");
                try (OutputStream out = part.getOutputStream()) {
                    out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[4 * 1024 * 1024]); // a scanned blank page: zeros compress 1000 to 1
                }
                document.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(file)).isLessThan(200_000);

        ExtractedText text = DocxReadTest.readAll(handler, file);

        assertThat(text.text()).isEqualTo("The signed contract is attached below as a PDF.");
        Path out = dir.resolve("embedded.annotated.docx");
        try (var session = handler.openForApply(file, text)) {
            session.apply(java.util.List.of(new dev.docannotator.analysis.Annotation("a1", 4, 10, "signed", null, 1,
                    "terms", "info", "Requested term.", null, "terms/requested")));
            session.save(out);
        }
        assertThat(DocxReadTest.readAll(handler, out).text()).isEqualTo(text.text());
    }

    @Test
    void anEncryptedPackageIsCalledPasswordProtectedNotLegacy() throws IOException {
        Path file = dir.resolve("locked.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            fs.writeFilesystem(out);
        }

        assertThatThrownBy(() -> handler.openForRead(file)).isInstanceOf(DocumentRejectedException.class)
                .hasMessage("The Word document is password-protected; remove the password and upload it again.");
    }
}
