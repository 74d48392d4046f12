package dev.docannotator.pipeline;

import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.document.UnreadContent;
import java.util.List;

/**
 * What a task's report needs of its last checkpoint, small enough to read on every {@code GET /api/tasks/{id}}:
 * what of the document was not read (known once the read step has opened it), what the model cost so far (null when
 * none ran) and the kind of failure that made a "both" run go on without the model (null when none). Stored beside
 * each checkpoint so the report never loads the checkpoint's findings or the document text.
 */
public record CheckpointSummary(List<UnreadContent> unread, LlmUsage llmUsage, String llmFailure) {
    public CheckpointSummary {
        unread = unread == null ? List.of() : List.copyOf(unread);
    }
}
