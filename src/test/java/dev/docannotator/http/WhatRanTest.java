package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The result event and the task say which checks ran, how the requirement was read, and by which analyser. */
class WhatRanTest {
    private static final String REPORT = """
            The contractor shall deliver the revised design documents to the project office no later than the end of \
            the second quarter so that the review board can approve them in time.
            The budget is fixed.
            """;
    private static final String REQUIREMENT = "Flag sentences longer than 25 words. Is the tone formal enough?";

    private final TestServer server = TestServer.start();
    private final String user = TestServer.newUser();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theResultAndTheTaskSayWhatRanWithNotesInTheRequestsLanguage() throws Exception {
        String doc = server.upload(user, "contract.txt", REPORT).get("document_id").asText();
        HttpRequest request = server.request("/api/chat/stream", user).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN,zh;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
                        "document_id", doc, "message", REQUIREMENT, "task_type", "DOC_ANNOTATE"))))
                .build();
        List<SseEvent> events = server.open(request).readToEnd();
        JsonNode result = events.get(events.size() - 1).data();

        assertThat(events.get(events.size() - 1).type()).isEqualTo("result");
        assertThat(result.get("analyser").asText()).isEqualTo("rules");
        assertThat(result.get("checks")).hasSize(1);
        assertThat(result.at("/checks/0/id").asText()).isEqualTo("long_sentence");
        assertThat(result.at("/checks/0/params/max_words").asInt()).isEqualTo(25);
        assertThat(result.at("/requirement/understood/0").asText()).isEqualTo("Flag sentences longer than 25 words");
        assertThat(result.at("/requirement/not_understood/0").asText()).isEqualTo("Is the tone formal enough");
        assertThat(result.at("/requirement/fell_back").asBoolean(true)).isFalse();
        assertThat(result.at("/requirement/notes/0").asText()).isEqualTo("语气不是内置检查能够判断的。");
        assertThat(result.get("summary").get("long_sentence").asInt()).isEqualTo(1);
        JsonNode annotation = events.stream().filter(e -> e.type().equals("annotation")).findFirst().orElseThrow()
                .data().get("annotation");
        assertThat(annotation.get("message").asText()).isEqualTo("这个句子有 31 个单词（超过 25 个），建议拆分。");

        String taskId = result.get("task_id").asText();
        JsonNode task = TestServer.json(server.send(server.request("/api/tasks/" + taskId, user)
                .header("Accept-Language", "en").GET().build()));
        assertThat(task.get("analyser").asText()).isEqualTo("rules");
        assertThat(task.get("checks")).isEqualTo(result.get("checks"));
        assertThat(task.at("/requirement/not_understood")).isEqualTo(result.at("/requirement/not_understood"));
        assertThat(task.at("/requirement/notes/0").asText())
                .isEqualTo("Tone is not something the built-in checks can judge.");
    }

    @Test
    void aRequirementWithNothingUnderstoodSaysItFellBackToTheDefaults() throws Exception {
        String doc = server.upload(user, "contract.txt", REPORT).get("document_id").asText();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc,
                "message", "Make sure every deadline has a date", "task_type", "DOC_ANNOTATE")).readToEnd();
        JsonNode result = events.get(events.size() - 1).data();

        assertThat(result.at("/requirement/fell_back").asBoolean()).isTrue();
        assertThat(result.at("/requirement/understood")).isEmpty();
        assertThat(result.at("/requirement/not_understood/0").asText()).isEqualTo("Make sure every deadline has a date");
        assertThat(result.get("checks")).extracting(c -> c.get("id").asText())
                .contains("long_sentence", "passive_voice", "vague_words").doesNotContain("grammar");
    }

    @Test
    void theTaskSaysWhatOfTheDocumentWasNotReadAsTheResultDid() throws Exception {
        JsonNode result = reviewLetterWithAHeader();
        String headerNote = "This document's headers and footers were not read, so nothing in them was checked.";
        assertThat(result.at("/requirement/notes")).extracting(JsonNode::asText).containsExactly(headerNote);

        String taskId = result.get("task_id").asText();
        JsonNode live = TestServer.json(server.get("/api/tasks/" + taskId, user));
        assertThat(live.get("requirement")).isEqualTo(result.get("requirement"));

        server.restart(); // no longer in memory: answered from what was stored
        JsonNode stored = TestServer.json(server.get("/api/tasks/" + taskId, user));
        assertThat(stored.get("requirement")).isEqualTo(result.get("requirement"));
    }

    @Test
    void aStoredTasksReportIsAnsweredWithoutLoadingItsCheckpointOrItsText() throws Exception {
        JsonNode result = reviewLetterWithAHeader();
        String taskId = result.get("task_id").asText();
        server.restart(); // no longer in memory

        // The checkpoint and the document text (up to 20 M characters) are what the report must not read: spoil
        // both, so that reading either fails.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("annotator.db"));
             Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE checkpoints SET json = '{not json' WHERE task_id LIKE '%" + taskId
                    + "'")).isEqualTo(1);
            assertThat(st.executeUpdate("UPDATE task_texts SET json = '{not json' WHERE task_id LIKE '%" + taskId
                    + "'")).isEqualTo(1);
        }
        HttpResponse<String> response = server.get("/api/tasks/" + taskId, user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).get("requirement")).isEqualTo(result.get("requirement"));
        assertThat(TestServer.json(response).at("/requirement/notes")).extracting(JsonNode::asText)
                .containsExactly("This document's headers and footers were not read, so nothing in them was checked.");
    }

    /** Runs "find vague words" on {@link #letterWithAHeader()}; the result event's data. */
    private JsonNode reviewLetterWithAHeader() throws Exception {
        String doc = TestServer.json(server.uploadRaw(user, "letter.docx", letterWithAHeader()))
                .get("document_id").asText();
        List<SseEvent> events = server.stream(user, Map.of("document_id", doc,
                "message", "find vague words", "task_type", "DOC_ANNOTATE")).readToEnd();
        return events.get(events.size() - 1).data();
    }

    private static byte[] letterWithAHeader() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Grant office, internal");
            document.createParagraph().createRun().setText("We will send the remaining forms in the near future.");
            document.write(out);
            return out.toByteArray();
        }
    }
}
