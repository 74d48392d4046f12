package dev.docannotator.storage;

import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.CheckpointSummary;
import java.util.Optional;

/**
 * The last checkpoint of each task (each write replaces the previous one); written through {@link Store#writeBatch}.
 * The document text is kept once per task, apart from the positions and findings, and written again only when it changed.
 */
public interface CheckpointStore {
    Optional<Checkpoint> load(String key);

    /**
     * What the task's report needs of its last checkpoint, read without the checkpoint's findings or the document
     * text (for a checkpoint written before summaries were stored: taken from the whole checkpoint, once).
     */
    Optional<CheckpointSummary> summary(String key);
}
