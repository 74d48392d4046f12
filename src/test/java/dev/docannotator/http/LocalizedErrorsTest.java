package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.docannotator.workers.WorkerSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upload rejections and other error messages follow Accept-Language (English or Chinese); codes never do. In both
 * isolation modes: in process mode the upload is checked in a validator process and its refusal said by the server.
 */
class LocalizedErrorsTest {

    private static TestServer start(WorkerSettings.Isolation isolation) {
        WorkerSettings workers = WorkerSettings.builder().heapMb(128).warmUpGrammar(false).isolation(isolation)
                .build();
        return TestServer.start(s -> s.withAdmission(1, 16, 3), b -> b.workers(workers));
    }

    private static HttpResponse<String> upload(TestServer server, String language, String filename, byte[] content) {
        Multipart form = new Multipart().file("file", filename, content);
        return server.send(server.request("/api/documents", TestServer.newUser())
                .header("Accept-Language", language).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body()).path("error");
    }

    @ParameterizedTest
    @EnumSource(WorkerSettings.Isolation.class)
    void documentRejectionsAreSaidInTheRequestsLanguage(WorkerSettings.Isolation isolation) throws Exception {
        try (TestServer server = start(isolation)) {
            HttpResponse<String> emptyZh = upload(server, "zh-CN,zh;q=0.9", "empty.txt", new byte[0]);
            assertThat(emptyZh.statusCode()).isEqualTo(422);
            assertThat(error(emptyZh).path("code").asText()).isEqualTo("unprocessable_document");
            assertThat(error(emptyZh).path("message").asText()).isEqualTo("文件是空的。");

            HttpResponse<String> emptyEn = upload(server, "en-GB", "empty.txt", new byte[0]);
            assertThat(error(emptyEn).path("message").asText()).isEqualTo("The file is empty.");

            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3};
            HttpResponse<String> pictureZh = upload(server, "zh", "picture.docx", png);
            assertThat(pictureZh.statusCode()).isEqualTo(415);
            assertThat(error(pictureZh).path("code").asText()).isEqualTo("unsupported_media_type");
            assertThat(error(pictureZh).path("message").asText()).isEqualTo("该文件不是 Word、PDF、文本或 Markdown 文档。");

            byte[] latin1 = "caf\u00e9 au lait".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(error(upload(server, "zh", "notes.txt", latin1)).path("message").asText())
                    .startsWith("文本不是有效的 UTF-8");
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerSettings.Isolation.class)
    void aStreamThatUploadsABadFileIsRefusedInChineseBeforeItStarts(WorkerSettings.Isolation isolation)
            throws Exception {
        try (TestServer server = start(isolation)) {
            Multipart form = new Multipart().field("message", "find TODO").field("task_type", "DOC_ANNOTATE")
                    .file("file", "empty.md", new byte[0]);
            HttpResponse<String> refused = server.send(server.request("/api/chat/stream", TestServer.newUser())
                    .header("Accept-Language", "zh-CN").header("Content-Type", form.contentType())
                    .POST(form.publisher()).build());
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(error(refused).path("message").asText()).isEqualTo("文件是空的。");
        }
    }
}
