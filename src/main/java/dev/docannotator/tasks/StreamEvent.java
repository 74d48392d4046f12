package dev.docannotator.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.TaskEvent;
import java.util.Map;

/**
 * What a task's stream says: one record per event type of the API (see docs/API.md, "Server-Sent Events"). Jackson
 * writes each record's fields in the order its {@link JsonPropertyOrder} gives, which is the wire order, leaving out
 * what is null; {@link #dataLine} puts type and task_id in front.
 */
public sealed interface StreamEvent {

    /** The event type, as the SSE {@code event:} line and the data's "type" name it. */
    @JsonIgnore
    String type();

    /** After a terminal event the server closes the stream (the set is {@link TaskEvent#isTerminal}). */
    @JsonIgnore
    default boolean terminal() {
        return TaskEvent.isTerminal(type());
    }

    /** The event's data line as the log stores and the stream sends it: type and task_id first, then its fields. */
    static String dataLine(String taskId, StreamEvent event) {
        return Json.write(new DataLine(event.type(), taskId, event));
    }

    /** The shape of a data line: the event's own fields follow type and task_id at the same level. */
    @JsonPropertyOrder({"type", "task_id"})
    record DataLine(String type, String taskId, @JsonUnwrapped StreamEvent event) {
    }

    /** A stage as the API names it ({@link Stage#id()}). */
    final class StageId extends StdConverter<Stage, String> {
        @Override
        public String convert(Stage stage) {
            return stage.id();
        }
    }

    /** {@code task}: the task was admitted (first or resumed) and runs now or waits. */
    @JsonPropertyOrder({"status", "pausable"})
    record Admitted(@JsonIgnore boolean running, boolean pausable) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.TASK;
        }

        @JsonProperty
        String status() {
            return running ? "running" : "queued";
        }
    }

    /** {@code progress}: where the run is (a waiting task: its place in the line). */
    @JsonPropertyOrder({"stage", "progress", "message", "detail"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progress(@JsonSerialize(converter = StageId.class) Stage stage, int progress, String message, String detail)
            implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.PROGRESS;
        }
    }

    /** {@code annotation}: one finding, sent once over the task's life. */
    record AnnotationFound(Annotation annotation) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.ANNOTATION;
        }
    }

    /**
     * {@code result}: completed; where the document and the annotations are, the findings per category, and what
     * ran (the report's checks, requirement, analyser, and usage and llm_failure when there are any).
     */
    @JsonPropertyOrder({"status", "annotation_count", "download_url", "annotations_url", "summary"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(int annotationCount, String downloadUrl, String annotationsUrl, Map<String, Integer> summary,
                  @JsonUnwrapped RunReport report) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.RESULT;
        }

        @JsonProperty
        String status() {
            return "completed";
        }
    }

    /** {@code cancelled}: paused where it was; resumable. */
    @JsonPropertyOrder({"stage", "progress", "message", "detail", "resumable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cancelled(@JsonSerialize(converter = StageId.class) Stage stage, int progress, String message, String detail)
            implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.CANCELLED;
        }

        @JsonProperty
        boolean resumable() {
            return true;
        }
    }

    /** {@code error}: the task failed; {@code code} says why. */
    @JsonPropertyOrder({"code", "message"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failed(String code, String message) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.ERROR;
        }
    }

    /** {@code shutdown}: the server stopped (or crashed) while the task ran; resumable after a restart. */
    @JsonPropertyOrder({"message", "resumable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Shutdown(String message) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.SHUTDOWN;
        }

        @JsonProperty
        boolean resumable() {
            return true;
        }
    }
}
