package dev.docannotator.storage;

import dev.docannotator.pipeline.Checkpoint;
import java.util.Optional;

/**
 * The last checkpoint of each task (each write replaces the previous one); written through {@link Store#writeBatch}.
 * The document text is kept once per task, apart from the positions and findings, and written again only when it changed.
 */
public interface CheckpointStore {
    Optional<Checkpoint> load(String key);
}
