package dev.docannotator.storage;

import dev.docannotator.pipeline.Checkpoint;
import java.util.Optional;

/** The last checkpoint of each task (each write replaces the previous one); written through {@link Store#writeBatch}. */
public interface CheckpointStore {
    Optional<Checkpoint> load(String key);
}
