package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause with Ctrl+C and continue with {@code annotate --resume TASK_ID --server URL}, run as separate processes as
 * users run them; and the usage errors around FILE and --resume.
 */
class ResumeCliTest {
    private static final String USER = "resume-cli-test-user-0001";

    @TempDir
    Path dir;

    @Test
    void ctrlCUnderJsonPrintsTheCancelledTaskAndResumeFinishesIt() throws Exception {
        SteppedEngine engine = new SteppedEngine();
        engine.analyse.close();
        try (TestServer server = TestServer.start(s -> s, b -> b.engine(engine.engine(DocumentLimits.defaults())))) {
            Path file = Files.writeString(dir.resolve("long.txt"), engine.document(400, 7));
            Path output = dir.resolve("out.html");
            CliProcess paused = new CliProcess(dir.resolve("first")).start("annotate", file.toString(), "--server",
                    server.baseUrl(), "--user-id", USER, "--json", "--out", output.toString());
            try {
                awaitWaiting(engine, paused);
                paused.interrupt();
                assertThat(paused.awaitExit(60)).as(paused.stderr()).isEqualTo(ExitCodes.CANCELLED);
            } finally {
                engine.openAll();
            }
            JsonNode task = Json.mapper().readTree(server.get("/api/tasks", USER).body()).path("tasks").get(0);
            String taskId = task.path("task_id").asText();
            assertThat(task.path("status").asText()).isEqualTo("cancelled");
            assertThat(paused.stderr()).contains("task: " + taskId).doesNotContain("\tat ");
            JsonNode cancelled = Json.mapper().readTree(paused.stdout());
            assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
            assertThat(cancelled.path("task_id").asText()).isEqualTo(taskId);
            assertThat(output).doesNotExist();

            CliProcess resumed = new CliProcess(dir.resolve("second")).start("annotate", "--resume", taskId,
                    "--server", server.baseUrl(), "--user-id", USER, "--json", "--out", output.toString());
            assertThat(resumed.awaitExit(60)).as(resumed.stderr()).isEqualTo(ExitCodes.DONE);
            JsonNode done = Json.mapper().readTree(resumed.stdout());
            assertThat(done.path("status").asText()).isEqualTo("completed");
            assertThat(done.path("output").asText()).isEqualTo(output.toString());
            assertThat(done.path("annotation_count").asInt()).isPositive();
            assertThat(output).exists();
            assertThat(resumed.stderr()).contains("task: " + taskId);
            JsonNode after = Json.mapper().readTree(server.get("/api/tasks/" + taskId, USER).body());
            assertThat(after.path("status").asText()).isEqualTo("completed");
            assertThat(done.path("annotation_count").asInt()).isEqualTo(after.path("annotation_count").asInt());
        }
    }

    /** The CLI is a new JVM on a shared machine: give it time to start, and say what it printed if it failed. */
    private static void awaitWaiting(SteppedEngine engine, CliProcess cli) throws InterruptedException {
        try {
            engine.analyse.awaitWaiting(java.time.Duration.ofSeconds(90));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; CLI stderr: " + cli.stderr(), e);
        }
    }

    @Test
    void aDirectoryGivenAsFileSaysSoAndExitsTwo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        CliProcess cli = new CliProcess(dir.resolve("run")).start("annotate", folder.toString(), "--json");
        assertThat(cli.awaitExit(30)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.stderr()).contains("reports: is a directory").doesNotContain("no such file").doesNotContain("\tat ");
        assertThat(cli.stdout()).isEmpty();
    }

    @Test
    void theCliSaysItsOwnErrorsInTheLanguageOfLang() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("报告"));
        AnnotateCommandTest.Run zh = AnnotateCommandTest.annotate(folder.toString(), "--lang", "zh");
        assertThat(zh.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.stderr()).contains("报告：是一个目录；请给出一个文档文件");
        AnnotateCommandTest.Run resumeZh = AnnotateCommandTest.annotate("--resume", "some-task-0001", "--lang", "zh");
        assertThat(resumeZh.stderr()).contains("--resume 需要 --server URL");
    }

    @Test
    void resumeWithoutAServerIsAUsageError() throws Exception {
        CliProcess cli = new CliProcess(dir.resolve("run")).start("annotate", "--resume", "some-task-0001");
        assertThat(cli.awaitExit(30)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.stderr()).contains("--resume needs --server URL").doesNotContain("\tat ");
    }
}
