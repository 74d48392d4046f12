package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annotate --server} against the real server on a random port, run as users run it. */
class RemoteAnnotateTest {
    private static final String USER = "remote-cli-test-user-0001";

    @TempDir
    Path dir;

    private Path sampleDocument() throws Exception {
        StringBuilder sb = new StringBuilder("# Upload service\n\n");
        for (int i = 1; i <= 120; i++) {
            sb.append("Requirement ").append(i).append(i % 10 == 0
                    ? ": the limit is approximately 25 MB and was approved by the the board. TODO confirm.\n"
                    : ": uploads are stored in the data directory.\n");
        }
        return Files.writeString(dir.resolve("spec.md"), sb);
    }

    private static JsonNode json(String stdout) throws Exception {
        return Json.mapper().readTree(stdout);
    }

    private static boolean isEmpty(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void localAndRemoteRunsPrintTheSameJsonAndEachProcessEndsByItselfLeavingNoTemporaryFiles() throws Exception {
        Path file = sampleDocument();
        CliProcess local = new CliProcess(Files.createDirectories(dir.resolve("local"))).start("annotate", file.toString(), "--json");
        assertThat(local.awaitExit(120)).as(local.stderr()).isZero();
        JsonNode localJson = json(local.stdout());
        String localOutput = Files.readString(dir.resolve("spec.annotated.html"));
        Files.delete(dir.resolve("spec.annotated.html"));

        try (TestServer server = TestServer.start()) {
            CliProcess remote = new CliProcess(Files.createDirectories(dir.resolve("remote")))
                    .start("annotate", file.toString(), "--json", "--server", server.baseUrl());
            assertThat(remote.awaitExit(120)).as(remote.stderr()).isZero();
            assertThat(json(remote.stdout())).isEqualTo(localJson);
            assertThat(Files.readString(dir.resolve("spec.annotated.html"))).isEqualTo(localOutput);
            assertThat(localJson.path("annotation_count").asInt()).isGreaterThanOrEqualTo(12 * 3);
            assertThat(isEmpty(local.tmp)).as("local temp dir empty").isTrue();
            assertThat(isEmpty(remote.tmp)).as("remote temp dir empty").isTrue();
            assertThat(remote.home.resolve(".config/doc-annotator/user-id")).exists();
        }
    }

    @Test
    void aConnectionCutMidStreamIsReattachedAndTheResultIsComplete() throws Exception {
        Path file = sampleDocument();
        AnnotateCommandTest.Run local = AnnotateCommandTest.annotate(file.toString(), "--json", "--out", dir.resolve("local.html").toString());
        assertThat(local.exit()).as(local.stderr()).isZero();

        try (TestServer server = TestServer.start(); CuttingProxy proxy = new CuttingProxy(server.port(), 700)) {
            Path out = dir.resolve("remote.html");
            AnnotateCommandTest.Run remote = AnnotateCommandTest.annotate(file.toString(), "--json", "--out", out.toString(),
                    "--server", "http://127.0.0.1:" + proxy.port(), "--user-id", USER);
            assertThat(proxy.cut()).as("the proxy cut a stream").isTrue();
            assertThat(remote.exit()).as(remote.stderr()).isZero();
            assertThat(remote.stderr()).contains("re-attaching");
            JsonNode remoteJson = json(remote.stdout());
            JsonNode localJson = json(local.stdout());
            assertThat(remoteJson.path("annotations")).isEqualTo(localJson.path("annotations"));
            assertThat(remoteJson.path("annotation_count")).isEqualTo(localJson.path("annotation_count"));
            assertThat(Files.readString(out)).isEqualTo(Files.readString(dir.resolve("local.html")));
        }
    }

    @Test
    void ctrlCCancelsTheRemoteTaskAndExits130() throws Exception {
        SteppedEngine engine = new SteppedEngine();
        engine.analyse.close();
        try (TestServer server = TestServer.start(s -> s, b -> b.engine(engine.engine(DocumentLimits.defaults())))) {
            Path file = Files.writeString(dir.resolve("long.txt"), engine.document(400, 7));
            CliProcess cli = new CliProcess(dir).start("annotate", file.toString(), "--server", server.baseUrl(),
                    "--user-id", USER);
            try {
                // The CLI is a JVM of its own: on a busy machine it may need long to start, and to stop.
                engine.analyse.awaitWaiting(java.time.Duration.ofSeconds(90));
                cli.interrupt();
                assertThat(cli.awaitExit(60)).as(cli.stderr()).isEqualTo(ExitCodes.CANCELLED);
            } finally {
                engine.openAll();
            }
            JsonNode tasks = Json.mapper().readTree(server.get("/api/tasks", USER).body()).path("tasks");
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).path("status").asText()).isEqualTo("cancelled");
            assertThat(cli.stderr()).contains("cancelled").doesNotContain("\tat ");
        }
    }

    @Test
    void aDocumentTheServerRefusesGetsOneLineAndExitThree() throws Exception {
        Path file = dir.resolve("picture.docx");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3});
        try (TestServer server = TestServer.start()) {
            AnnotateCommandTest.Run run = AnnotateCommandTest.annotate(file.toString(), "--server", server.baseUrl(),
                    "--user-id", USER);
            assertThat(run.exit()).isEqualTo(ExitCodes.REJECTED);
            assertThat(run.stderr().strip().lines()).hasSize(1);
            assertThat(run.stderr()).contains("picture.docx").contains("not a Word, PDF, text or Markdown document");
        }
    }
}
