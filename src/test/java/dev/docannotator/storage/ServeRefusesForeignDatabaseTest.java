package dev.docannotator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.testsupport.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on a database file that is not ours: one line, exit code 4; {@code --init} starts afresh. */
class ServeRefusesForeignDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void serveRefusesAnEmptyDatabaseFileWithOneLineAndExitCode4AndInitStartsFresh() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path db = Files.createFile(data.resolve("annotator.db"));
        Path output = tmp.resolve("refused.log");

        int exit = ServerProcess.runToExit(data, List.of(), output);

        String printed = Files.readString(output);
        assertThat(exit).as(printed).isEqualTo(4);
        assertThat(printed).contains("annotator.db exists but is empty").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(printed.lines().filter(l -> l.contains("annotator.db")).count()).isEqualTo(1);
        assertThat(Files.size(db)).as("the refused file is left as it was").isZero();

        try (ServerProcess server = ServerProcess.start(data, List.of("-Xmx256m"), List.of("--init"), Map.of())) {
            assertThat(server.send(server.request("/api/tasks", "init-user-000000001").GET().build()).statusCode())
                    .isEqualTo(200);
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("annotator\\.db\\.\\d{8}-\\d{6}\\.bak"));
        }
    }
}
