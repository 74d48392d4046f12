package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.testsupport.DocxParts;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.testsupport.WaitUntil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads are checked in a validator process, not in the server (real worker processes, test hooks on): the answers
 * are the in-process engine's to the letter, a check is answered while every task worker is busy, and a check that
 * runs its process out of memory, past the time limit or into a {@code kill -9} gets a clear answer while the server
 * stays healthy and the validator is replaced.
 */
class WorkerValidationTest {
    private static final Duration VALIDATION_LIMIT = Duration.ofSeconds(5);
    private static TestServer processes;
    private static TestServer inProcess;

    @BeforeAll
    static void startServers() throws Exception {
        WorkerSettings workers = TestWorkers.withTestHooks().validationTimeLimit(VALIDATION_LIMIT).build();
        processes = TestWorkers.startServer(workers, 1, b -> { });
        inProcess = TestServer.start();
    }

    @AfterAll
    static void stopServers() {
        if (processes != null) {
            processes.close();
        }
        if (inProcess != null) {
            inProcess.close();
        }
    }

    @BeforeEach
    void everyWorkerIsRunning() {
        TestWorkers.awaitEveryWorker(processes);
    }

    private static WorkerSupervisor supervisor() {
        return TestWorkers.supervisor(processes);
    }

    private static WorkerSupervisor.WorkerView validator() {
        return supervisor().view().validators().get(0);
    }

    private static HttpResponse<String> upload(TestServer server, String language, String filename, byte[] content) {
        Multipart form = new Multipart().file("file", filename, content);
        return server.send(server.request("/api/documents", TestServer.newUser())
                .header("Accept-Language", language).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    /** Status, code and message of an answer, to compare two servers'. */
    private static String outcome(HttpResponse<String> response) {
        JsonNode body = TestServer.json(response);
        JsonNode error = body.path("error");
        return response.statusCode() + " " + (error.isMissingNode() ? body.path("format").asText()
                : error.path("code").asText() + ": " + error.path("message").asText());
    }

    @Test
    void uploadsAreCheckedInAValidatorProcessWithTheInProcessAnswersInBothLanguages() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3};
        byte[] binary = new byte[4096];
        binary[0] = 7;
        byte[] docx = docx();
        Map<String, byte[]> samples = new java.util.LinkedHashMap<>();
        samples.put("empty.txt", new byte[0]);
        samples.put("picture.docx", png);
        samples.put("binary.txt", binary);
        samples.put("notes.txt", "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        samples.put("cut.docx", Arrays.copyOf(docx, docx.length / 2));
        samples.put("bomb.docx", bomb(docx));
        samples.put("fine.docx", docx);
        samples.put("fine.md", "# Title\n\nText.\n".getBytes(StandardCharsets.UTF_8));
        int checkedBefore = validator().tasksDone();
        int checks = 0;
        for (String language : List.of("en", "zh-CN")) {
            for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
                String inWorker = outcome(upload(processes, language, sample.getKey(), sample.getValue()));
                String inServer = outcome(upload(inProcess, language, sample.getKey(), sample.getValue()));
                assertThat(inWorker).as(sample.getKey() + " in " + language).isEqualTo(inServer);
                checks++;
            }
        }
        assertThat(outcome(upload(processes, "zh-CN", "empty.txt", new byte[0]))).isEqualTo("422 unprocessable_document: 文件是空的。");
        assertThat(outcome(upload(processes, "en", "bomb.docx", bomb(docx))))
                .startsWith("422 unprocessable_document: The Word document looks like a decompression bomb");
        assertThat(outcome(upload(processes, "en", "fine.docx", docx))).isEqualTo("201 docx");
        // Every one of them was opened by the validator process, not by the server.
        assertThat(validator().tasksDone() - checkedBefore).isEqualTo(checks + 3);
    }

    @Test
    void anUploadIsAnsweredWhileEveryTaskWorkerIsBusyWithALongTask() throws Exception {
        String user = TestServer.newUser();
        TestWorkers.SlowTask slow = TestWorkers.startSlowTask(processes, user, 200);
        EventStream stream = slow.stream();
        String taskId = slow.taskId();
        try {
            assertThat(supervisor().view().workers()).allMatch(w -> w.state().equals("busy"));

            JsonNode uploaded = processes.upload(user, "another.txt", TestWorkers.todos(3));

            assertThat(uploaded.get("format").asText()).isEqualTo("txt");
            // Answered while the long task still holds the only task worker (200 steps of 300 ms each).
            assertThat(supervisor().view().workers()).singleElement()
                    .satisfies(w -> assertThat(w.taskId()).isEqualTo(taskId));
        } finally {
            processes.postJson("/api/tasks/" + taskId + "/cancel", user, "{}");
            stream.close();
        }
    }

    @Test
    void aCheckThatRunsItsWorkerOutOfMemoryRefusesTheUploadWhileTheServerStaysHealthy() throws Exception {
        WorkerSupervisor.WorkerView before = validator();
        CompletableFuture<HttpResponse<String>> hostile = CompletableFuture.supplyAsync(() ->
                upload(processes, "en", "huge" + TestHooks.OOM + ".txt", TestWorkers.todos(10).getBytes(StandardCharsets.UTF_8)));
        List<Integer> health = new ArrayList<>();
        while (!hostile.isDone()) {
            health.add(processes.get("/health", TestServer.newUser()).statusCode());
            Thread.sleep(50);
        }
        assertThat(health).isNotEmpty().containsOnly(200);

        HttpResponse<String> refused = hostile.get();
        assertThat(outcome(refused)).isEqualTo("422 unprocessable_document: Opening the document needed more memory "
                + "than a worker has (128 MB), so it was refused.");
        assertReplaced(before);
        assertThat(processes.get("/metrics", TestServer.newUser()).body())
                .containsPattern("annotator_worker_crashes_total\\{cause=\"oom\"} [1-9]");
        assertThat(outcome(upload(processes, "zh", "after.md", "# 标题\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("201 md");
    }

    @Test
    void aCheckThatHangsIsStoppedAtTheValidationTimeLimit() throws Exception {
        WorkerSupervisor.WorkerView before = validator();

        HttpResponse<String> refused = upload(processes, "zh-CN", "loop" + TestHooks.HANG + ".txt",
                TestWorkers.todos(2).getBytes(StandardCharsets.UTF_8));

        assertThat(outcome(refused)).isEqualTo("422 unprocessable_document: 打开该文档超过了 "
                + VALIDATION_LIMIT.toSeconds() + " 秒的时间限制，因此被拒绝。");
        assertReplaced(before);
    }

    @Test
    void aValidatorKilledMidCheckGivesAClearErrorAndIsReplaced() throws Exception {
        WorkerSupervisor.WorkerView before = validator();
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() ->
                upload(processes, "en", "loop" + TestHooks.HANG + ".txt", TestWorkers.todos(2).getBytes(StandardCharsets.UTF_8)));
        WaitUntil.waitUntil("the validator is checking the upload", Duration.ofSeconds(30),
                () -> validator().state().equals("busy"));
        ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly();

        HttpResponse<String> answer = stuck.get();

        assertThat(outcome(answer)).startsWith("503 server_busy: The worker checking the document ended unexpectedly");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertReplaced(before);
    }

    private static void assertReplaced(WorkerSupervisor.WorkerView before) {
        WorkerSupervisor.WorkerView after = WaitUntil.value("a new validator is ready", Duration.ofSeconds(90),
                WorkerValidationTest::validator, v -> v.state().equals("idle") && !v.pid().equals(before.pid()));
        assertThat(after.restarts()).isGreaterThan(before.restarts());
        assertThat(ProcessHandle.of(before.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 20; i++) {
                document.createParagraph().createRun().setText("Paragraph " + i + " of an ordinary document.");
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** {@code docx} whose word/document.xml is 64 MB of spaces (well under 1 MB compressed). */
    private static byte[] bomb(byte[] docx) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        return DocxParts.withDocumentXml(docx, out -> {
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        });
    }
}
