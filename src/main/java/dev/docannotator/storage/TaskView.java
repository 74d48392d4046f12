package dev.docannotator.storage;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Stage;
import java.time.Instant;

/**
 * A consistent snapshot of one task: what the tasks table stores and what the API shows.
 * {@code errorCode}/{@code errorMessage} are set only for failed tasks; {@code locale} is a language tag;
 * {@code analyser} is what the task runs (decided at submission, kept for resume).
 */
public record TaskView(String taskId, String userId, String documentId, String filename, DocumentFormat format,
                       String requirement, String locale, boolean pausable, TaskStatus status, Stage stage,
                       int progress, String message, String errorCode, String errorMessage, int annotationCount,
                       Instant createdAt, Instant updatedAt, AnalyserChoice analyser) {

    public TaskView {
        analyser = analyser == null ? AnalyserChoice.RULES : analyser;
    }

    /** A task of the built-in checks. */
    public TaskView(String taskId, String userId, String documentId, String filename, DocumentFormat format,
                    String requirement, String locale, boolean pausable, TaskStatus status, Stage stage,
                    int progress, String message, String errorCode, String errorMessage, int annotationCount,
                    Instant createdAt, Instant updatedAt) {
        this(taskId, userId, documentId, filename, format, requirement, locale, pausable, status, stage, progress,
                message, errorCode, errorMessage, annotationCount, createdAt, updatedAt, AnalyserChoice.RULES);
    }

    public boolean resumable() {
        return status.resumable();
    }
}
