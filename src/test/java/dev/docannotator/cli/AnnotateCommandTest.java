package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnnotateCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    static Run annotate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AnnotateCommand command = new AnnotateCommand();
        command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(command);
        cli.setErr(new java.io.PrintWriter(command.stderr, true));
        cli.setOut(new java.io.PrintWriter(command.stdout, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsAUsageError() {
        Run run = annotate(dir.resolve("nope.docx").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("no such file");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "text");
        assertThat(annotate(file.toString(), "--frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFileOfNoSupportedFormatGetsOneLineAndExitThree() throws Exception {
        Path file = dir.resolve("image.docx");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        Run run = annotate(file.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("image.docx").contains("not a Word, PDF, text or Markdown document")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableServerGetsOneLineAndExitFour() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "Some text to annotate.");
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Run run = annotate(file.toString(), "--server", "http://127.0.0.1:" + freePort, "--user-id", "cli-test-user-000001");
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.stderr()).contains("Cannot reach the server").doesNotContain("\tat ");
    }

    @Test
    void aLocalRunWritesTheAnnotatedDocumentBesideTheInputAndPrintsJson() throws Exception {
        Path file = dir.resolve("spec.docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.OutputStream os = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("The limit is approximately 25 MB. TODO: confirm it.");
            doc.createParagraph().createRun().setText("The files were approved by the the board.");
            doc.write(os);
        }
        Run run = annotate(file.toString(), "--json");
        assertThat(run.exit()).as(run.stderr()).isEqualTo(ExitCodes.DONE);
        com.fasterxml.jackson.databind.JsonNode json = dev.docannotator.common.Json.mapper().readTree(run.stdout());
        assertThat(json.path("status").asText()).isEqualTo("completed");
        assertThat(json.path("output").asText()).isEqualTo(dir.resolve("spec.annotated.docx").toAbsolutePath().toString());
        assertThat(dir.resolve("spec.annotated.docx")).exists();
        java.util.List<String> categories = new java.util.ArrayList<>();
        json.path("annotations").forEach(a -> categories.add(a.path("category").asText()));
        assertThat(categories).contains("vague_words", "todo_markers", "passive_voice", "repeated_words");
        assertThat(json.path("annotation_count").asInt()).isEqualTo(categories.size());
        assertThat(run.stderr()).contains("[read").contains("[analyse").contains("[apply");
        try (var reopened = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(dir.resolve("spec.annotated.docx")))) {
            assertThat(reopened.getComments()).hasSize(categories.size());
        }
    }

    @Test
    void aRequestedOutputPathIsUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "Maybe we should ship it. TBD.\n");
        Path out = dir.resolve("review/notes-review.html");
        Run run = annotate(file.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.stderr()).isEqualTo(ExitCodes.DONE);
        assertThat(Files.readString(out)).contains("<!DOCTYPE html>").contains("TBD");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void versionAndHelpWork() {
        CommandLine cli = new CommandLine(new App());
        java.io.StringWriter out = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).contains("doc-annotator");
        assertThat(cli.execute("annotate", "--help")).isZero();
        assertThat(out.toString()).contains("--requirement").contains("--server").contains("Exit codes");
    }
}
