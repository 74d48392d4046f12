package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.TaskEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task's stream says: one record per event type of the API (see docs/API.md, "Server-Sent Events"). Each
 * record knows its fields in the order the wire has them; {@link #dataLine} writes every event the same way.
 */
public sealed interface StreamEvent {

    /** The event type, as the SSE {@code event:} line and the data's "type" name it. */
    String type();

    /** The data besides "type" and "task_id", in wire order. */
    Map<String, Object> fields();

    /** After a terminal event the server closes the stream (the set is {@link TaskEvent#isTerminal}). */
    default boolean terminal() {
        return TaskEvent.isTerminal(type());
    }

    /** The event's data line as the log stores and the stream sends it: type and task_id first, then its fields. */
    static String dataLine(String taskId, StreamEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", event.type());
        data.put("task_id", taskId);
        data.putAll(event.fields());
        return Json.write(data);
    }

    /** {@code task}: the task was admitted (first or resumed) and runs now or waits. */
    record Admitted(boolean running, boolean pausable) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.TASK;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", running ? "running" : "queued");
            fields.put("pausable", pausable);
            return fields;
        }
    }

    /** {@code progress}: where the run is (a waiting task: its place in the line). */
    record Progress(Stage stage, int progress, String message, String detail) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.PROGRESS;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stage", stage.id());
            fields.put("progress", progress);
            fields.put("message", message);
            fields.put("detail", detail);
            return fields;
        }
    }

    /** {@code annotation}: one finding, sent once over the task's life. */
    record AnnotationFound(Annotation annotation) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.ANNOTATION;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("annotation", annotation);
            return fields;
        }
    }

    /** {@code result}: completed; where the document and the annotations are, the findings per category, what ran. */
    record Result(int annotationCount, String downloadUrl, String annotationsUrl, Map<String, Integer> summary,
                  RunReport report) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.RESULT;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", "completed");
            fields.put("annotation_count", annotationCount);
            fields.put("download_url", downloadUrl);
            fields.put("annotations_url", annotationsUrl);
            fields.put("summary", summary);
            fields.put("checks", report.checks());
            fields.put("requirement", report.requirement());
            fields.put("analyser", report.analyser());
            if (report.usage() != null) {
                fields.put("usage", report.usage());
            }
            if (report.llmFailure() != null) {
                fields.put("llm_failure", report.llmFailure()); // a "both" run that went on without the model
            }
            return fields;
        }
    }

    /** {@code cancelled}: paused where it was; resumable. */
    record Cancelled(Stage stage, int progress, String message, String detail) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.CANCELLED;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stage", stage.id());
            fields.put("progress", progress);
            fields.put("message", message);
            fields.put("detail", detail);
            fields.put("resumable", true);
            return fields;
        }
    }

    /** {@code error}: the task failed; {@code code} says why. */
    record Failed(String code, String message) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.ERROR;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", code);
            fields.put("message", message);
            return fields;
        }
    }

    /** {@code shutdown}: the server stopped (or crashed) while the task ran; resumable after a restart. */
    record Shutdown(String message) implements StreamEvent {
        @Override
        public String type() {
            return TaskEvent.SHUTDOWN;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("message", message);
            fields.put("resumable", true);
            return fields;
        }
    }
}
