package dev.docannotator.tasks;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Stage;
import java.time.Instant;

/**
 * A consistent snapshot of one task: what the tasks table stores and what the API shows.
 * {@code errorCode}/{@code errorMessage} are set only for failed tasks; {@code locale} is a language tag.
 */
public record TaskView(String taskId, String userId, String documentId, String filename, DocumentFormat format,
                       String requirement, String locale, boolean pausable, TaskStatus status, Stage stage,
                       int progress, String message, String errorCode, String errorMessage, int annotationCount,
                       Instant createdAt, Instant updatedAt) {

    public boolean resumable() {
        return status.resumable();
    }
}
