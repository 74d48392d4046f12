package dev.docannotator.http;

import dev.docannotator.pipeline.RunReport;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes of documents and tasks. */
final class TaskJson {
    private TaskJson() {
    }

    static Map<String, Object> document(DocumentRecord doc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document_id", doc.documentId());
        json.put("filename", doc.filename());
        json.put("format", doc.format().id());
        json.put("size_bytes", doc.sizeBytes());
        return json;
    }

    /** The task with what it runs: {@code checks}, {@code requirement} and {@code analyser}. */
    static Map<String, Object> task(TaskView t, RunReport report) {
        Map<String, Object> json = task(t);
        json.put("checks", report.checks());
        json.put("requirement", report.requirement());
        json.put("analyser", report.analyser());
        if (report.usage() != null) {
            json.put("usage", report.usage());
        }
        if (report.llmFailure() != null) {
            json.put("llm_failure", report.llmFailure());
        }
        return json;
    }

    static Map<String, Object> task(TaskView t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", t.taskId());
        json.put("status", t.status().id());
        json.put("stage", t.stage().id());
        json.put("progress", t.progress());
        json.put("document_id", t.documentId());
        json.put("filename", t.filename());
        json.put("format", t.format().id());
        json.put("message", t.message() == null ? "" : t.message());
        json.put("created_at", t.createdAt().toString());
        json.put("updated_at", t.updatedAt().toString());
        json.put("annotation_count", t.annotationCount());
        json.put("resumable", t.resumable());
        json.put("pausable", t.pausable());
        if (t.errorCode() != null) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("code", t.errorCode());
            error.put("message", t.errorMessage() == null ? "" : t.errorMessage());
            json.put("error", error);
        }
        return json;
    }
}
