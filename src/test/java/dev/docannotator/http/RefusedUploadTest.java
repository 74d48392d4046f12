package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.Multipart;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream request that uploads its document and is then refused leaves no document behind; others' stay. */
class RefusedUploadTest {
    private final SteppedEngine stepped = new SteppedEngine();
    // two unfinished tasks per user, so that a third is refused with 429
    private final TestServer server = TestServer.start(s -> s.withAdmission(2, 16, 2),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())));

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    private HttpResponse<String> uploadAndStream(String user, Map<String, String> fields) {
        Multipart form = new Multipart();
        fields.forEach(form::field);
        form.file("file", "doc.txt", stepped.document(10, 5).getBytes(StandardCharsets.UTF_8));
        return server.send(server.request("/api/chat/stream", user).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    private List<String> storedFiles() throws Exception {
        try (Stream<Path> files = Files.list(server.dataDir().resolve("documents"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> documentRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("annotator.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT document_id FROM documents ORDER BY document_id")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private String finishedTask(String user, String taskId) throws Exception {
        String doc = server.upload(user, "d.txt", "text\n").get("document_id").asText();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc, "task_id", taskId)).readToEnd();
        assertThat(events).last().extracting(SseEvent::type).isEqualTo("result");
        return doc;
    }

    @Test
    void anUploadWhoseStreamIsRefusedForATakenTaskIdIsDeleted() throws Exception {
        String user = TestServer.newUser();
        finishedTask(user, "taken-task-id-1");
        List<String> files = storedFiles();
        List<String> rows = documentRows();
        assertThat(files).hasSize(1);

        HttpResponse<String> refused = uploadAndStream(user, Map.of("task_id", "taken-task-id-1"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(refused).get("error").get("code").asText()).isEqualTo("conflict");
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(documentRows()).isEqualTo(rows);
    }

    @Test
    void anUploadWhoseStreamIsRefusedByThePerUserLimitIsDeleted() throws Exception {
        stepped.read.close();
        String user = TestServer.newUser();
        List<EventStream> held = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String doc = server.upload(user, "d.txt", stepped.document(10, 5)).get("document_id").asText();
            EventStream stream = server.stream(user, Map.of("document_id", doc));
            assertThat(stream.next().type()).isEqualTo("task");
            held.add(stream);
        }
        List<String> files = storedFiles();
        List<String> rows = documentRows();

        HttpResponse<String> refused = uploadAndStream(user, Map.of("message", "find TODO"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(storedFiles()).isEqualTo(files).hasSize(2);
        assertThat(documentRows()).isEqualTo(rows);
        // the refusal did not touch the documents of the tasks that run
        stepped.read.open();
        for (EventStream stream : held) {
            assertThat(stream.readToEnd()).last().extracting(SseEvent::type).isEqualTo("result");
        }
    }

    @Test
    void aDocumentUploadedBeforeIsKeptWhenAStreamReferringToItIsRefused() throws Exception {
        String user = TestServer.newUser();
        finishedTask(user, "taken-task-id-2");
        String doc = server.upload(user, "kept.txt", stepped.document(10, 5)).get("document_id").asText();

        HttpResponse<String> json = server.postJson("/api/chat/stream", user,
                "{\"document_id\":\"" + doc + "\",\"task_id\":\"taken-task-id-2\"}");
        assertThat(json.statusCode()).isEqualTo(409);
        // the same through a multipart request that names the document instead of uploading one
        Multipart form = new Multipart().field("document_id", doc).field("task_id", "taken-task-id-2");
        HttpResponse<String> multipart = server.send(server.request("/api/chat/stream", user)
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
        assertThat(multipart.statusCode()).isEqualTo(409);

        assertThat(storedFiles()).contains(doc);
        assertThat(documentRows()).contains(doc);
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc)).readToEnd();
        assertThat(events).last().extracting(SseEvent::type).isEqualTo("result");
        assertThat(events.get(events.size() - 1).data().get("annotation_count").asInt()).isEqualTo(2);
    }

    @Test
    void deletingKeepsAnotherIdentitysDocumentAndADocumentATaskUses() throws Exception {
        String user = TestServer.newUser();
        String used = finishedTask(user, "task-using-doc-1");
        String unused = server.upload(user, "free.txt", "text\n").get("document_id").asText();
        var documents = server.app().tasks().documents();

        assertThat(documents.delete(TestServer.newUser(), unused)).isFalse();
        assertThat(documents.delete(user, used)).isFalse();
        assertThat(storedFiles()).contains(unused, used);
        assertThat(documentRows()).contains(unused, used);

        assertThat(documents.delete(user, unused)).isTrue();
        assertThat(storedFiles()).doesNotContain(unused).contains(used);
        assertThat(documentRows()).doesNotContain(unused).contains(used);
        assertThat(server.get("/api/tasks/task-using-doc-1/result", user).statusCode()).isEqualTo(200);
    }
}
