package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The wire format of every stream event: type and task_id first, then the fields in the order API.md lists them. */
class StreamEventTest {
    private static final String ID = "task-0001";

    @Test
    void taskEventSaysWhetherItRunsOrWaitsAndWhetherItCanBePaused() {
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Admitted(false, true)))
                .isEqualTo("{\"type\":\"task\",\"task_id\":\"task-0001\",\"status\":\"queued\",\"pausable\":true}");
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Admitted(true, false)))
                .isEqualTo("{\"type\":\"task\",\"task_id\":\"task-0001\",\"status\":\"running\",\"pausable\":false}");
    }

    @Test
    void progressCarriesStageProgressMessageAndDetailAndLeavesOutWhatIsMissing() {
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Progress(Stage.QUEUED, 0, "Waiting (2nd)", "1 ahead")))
                .isEqualTo("{\"type\":\"progress\",\"task_id\":\"task-0001\",\"stage\":\"queued\",\"progress\":0,"
                        + "\"message\":\"Waiting (2nd)\",\"detail\":\"1 ahead\"}");
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Progress(Stage.READ, 7, "Reading", null)))
                .isEqualTo("{\"type\":\"progress\",\"task_id\":\"task-0001\",\"stage\":\"read\",\"progress\":7,"
                        + "\"message\":\"Reading\"}");
    }

    @Test
    void annotationEventCarriesTheAnnotation() {
        Annotation annotation = new Annotation("a1", 3, 7, "soon", null, 1, "vague_words", "warning", "Vague", null,
                "vague_words", Annotation.RULES);
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.AnnotationFound(annotation)))
                .isEqualTo("{\"type\":\"annotation\",\"task_id\":\"task-0001\",\"annotation\":{\"id\":\"a1\",\"start\":3,"
                        + "\"end\":7,\"quote\":\"soon\",\"paragraph\":1,\"category\":\"vague_words\",\"severity\":\"warning\","
                        + "\"message\":\"Vague\",\"rule\":\"vague_words\",\"source\":\"rules\"}}");
    }

    @Test
    void resultSaysWhereTheDocumentIsAndWhatRanWithUsageOnlyWhenAModelRan() {
        RunReport report = new RunReport(List.of(new CheckRun("long_sentence", Map.of("max_words", 25))),
                new RunReport.RequirementReport(List.of("long sentences"), List.of(), false, List.of()), "rules");
        Map<String, Integer> summary = new TreeMap<>(Map.of("long_sentence", 2));
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Result(2, "/api/tasks/task-0001/result",
                "/api/tasks/task-0001/annotations", summary, report)))
                .isEqualTo("{\"type\":\"result\",\"task_id\":\"task-0001\",\"status\":\"completed\",\"annotation_count\":2,"
                        + "\"download_url\":\"/api/tasks/task-0001/result\","
                        + "\"annotations_url\":\"/api/tasks/task-0001/annotations\",\"summary\":{\"long_sentence\":2},"
                        + "\"checks\":[{\"id\":\"long_sentence\",\"params\":{\"max_words\":25}}],"
                        + "\"requirement\":{\"understood\":[\"long sentences\"],\"not_understood\":[],\"fell_back\":false,"
                        + "\"notes\":[]},\"analyser\":\"rules\"}");
    }

    @Test
    void aModelRunsResultAddsUsageAndWhyTheModelsPartIsMissingAfterTheAnalyser() {
        RunReport report = new RunReport(List.of(), new RunReport.RequirementReport(List.of(), List.of(), true,
                List.of("model failed")), "both", new LlmUsage(2, 100, 40, 1),
                new RunReport.ModelFailure("server_error", "The model failed"));
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Result(0, "/d", "/a", Map.of(), report)))
                .isEqualTo("{\"type\":\"result\",\"task_id\":\"task-0001\",\"status\":\"completed\",\"annotation_count\":0,"
                        + "\"download_url\":\"/d\",\"annotations_url\":\"/a\",\"summary\":{},\"checks\":[],"
                        + "\"requirement\":{\"understood\":[],\"not_understood\":[],\"fell_back\":true,"
                        + "\"notes\":[\"model failed\"]},\"analyser\":\"both\",\"usage\":{\"requests\":2,"
                        + "\"prompt_tokens\":100,\"completion_tokens\":40,\"dropped_quotes\":1},"
                        + "\"llm_failure\":{\"reason\":\"server_error\",\"message\":\"The model failed\"}}");
    }

    @Test
    void aMissingMessageIsLeftOut() {
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Failed("internal_error", null)))
                .isEqualTo("{\"type\":\"error\",\"task_id\":\"task-0001\",\"code\":\"internal_error\"}");
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Cancelled(Stage.APPLY, 60, null, null)))
                .isEqualTo("{\"type\":\"cancelled\",\"task_id\":\"task-0001\",\"stage\":\"apply\",\"progress\":60,"
                        + "\"resumable\":true}");
    }

    @Test
    void cancelledAndShutdownAreResumable() {
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Cancelled(Stage.ANALYSE, 40, "Paused", "At 40 %")))
                .isEqualTo("{\"type\":\"cancelled\",\"task_id\":\"task-0001\",\"stage\":\"analyse\",\"progress\":40,"
                        + "\"message\":\"Paused\",\"detail\":\"At 40 %\",\"resumable\":true}");
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Shutdown("Stopping")))
                .isEqualTo("{\"type\":\"shutdown\",\"task_id\":\"task-0001\",\"message\":\"Stopping\",\"resumable\":true}");
    }

    @Test
    void errorCarriesItsCodeAndMessage() {
        assertThat(StreamEvent.dataLine(ID, new StreamEvent.Failed("worker_failed", "The worker crashed")))
                .isEqualTo("{\"type\":\"error\",\"task_id\":\"task-0001\",\"code\":\"worker_failed\","
                        + "\"message\":\"The worker crashed\"}");
    }

    @Test
    void exactlyResultCancelledErrorAndShutdownAreTerminal() {
        assertThat(new StreamEvent.Admitted(true, true).terminal()).isFalse();
        assertThat(new StreamEvent.Progress(Stage.READ, 1, "", "").terminal()).isFalse();
        assertThat(new StreamEvent.AnnotationFound(null).terminal()).isFalse();
        assertThat(new StreamEvent.Cancelled(Stage.READ, 1, "", "").terminal()).isTrue();
        assertThat(new StreamEvent.Failed("x", "y").terminal()).isTrue();
        assertThat(new StreamEvent.Shutdown("z").terminal()).isTrue();
        assertThat(new StreamEvent.Result(0, "", "", Map.of(), null).terminal()).isTrue();
    }
}
