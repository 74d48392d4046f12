package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annotate --json} says what ran, the same in-process and through a server, notes in {@code --lang}. */
class WhatRanCliTest {
    private static final String USER = "what-ran-cli-user-0001";
    private static final String REQUIREMENT = "Flag sentences longer than 25 words and anything that is not formal in tone";

    @TempDir
    Path dir;

    @Test
    void localAndRemoteJsonSayWhichChecksRanAndWhatWasNotUnderstood() throws Exception {
        Path file = Files.writeString(dir.resolve("notice.txt"), "The contractor shall deliver the revised design "
                + "documents to the project office no later than the end of the second quarter so that the review "
                + "board can approve them in time.\nThe budget is fixed.\n");

        AnnotateCommandTest.Run local = AnnotateCommandTest.annotate(file.toString(), "--json", "--lang", "zh",
                "--requirement", REQUIREMENT, "--out", dir.resolve("local.html").toString());
        assertThat(local.exit()).as(local.stderr()).isZero();
        JsonNode localJson = Json.mapper().readTree(local.stdout());

        assertThat(localJson.path("analyser").asText()).isEqualTo("rules");
        assertThat(localJson.at("/checks/0/id").asText()).isEqualTo("long_sentence");
        assertThat(localJson.at("/checks/0/params/max_words").asInt()).isEqualTo(25);
        assertThat(localJson.path("checks")).hasSize(1);
        assertThat(localJson.at("/requirement/not_understood/0").asText())
                .isEqualTo("anything that is not formal in tone");
        assertThat(localJson.at("/requirement/notes/0").asText()).isEqualTo("语气不是内置检查能够判断的。");
        assertThat(localJson.path("annotation_count").asInt()).isEqualTo(1);

        try (TestServer server = TestServer.start()) {
            AnnotateCommandTest.Run remote = AnnotateCommandTest.annotate(file.toString(), "--json", "--lang", "zh",
                    "--requirement", REQUIREMENT, "--out", dir.resolve("remote.html").toString(),
                    "--server", server.baseUrl(), "--user-id", USER);
            assertThat(remote.exit()).as(remote.stderr()).isZero();
            JsonNode remoteJson = Json.mapper().readTree(remote.stdout());
            assertThat(remoteJson.path("checks")).isEqualTo(localJson.path("checks"));
            assertThat(remoteJson.path("requirement")).isEqualTo(localJson.path("requirement"));
            assertThat(remoteJson.path("analyser")).isEqualTo(localJson.path("analyser"));
        }
    }
}
