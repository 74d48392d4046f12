package dev.docannotator.storage;

import dev.docannotator.document.DocumentFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The annotated documents of completed tasks. The pipeline writes a result into {@link #workFile}; {@link #put}
 * makes it durable (PostgreSQL: into the database, so that any instance can serve it) before the task says so.
 */
public interface ResultStore {
    /** Where the pipeline writes the task's result on this machine. */
    Path workFile(String key, DocumentFormat format);

    /** Stores the result written to {@link #workFile}; returns when it is durable. */
    void put(String key, DocumentFormat format);

    /** A local file with the task's result (fetched into the cache when needed); empty when there is none. */
    Optional<Path> localFile(String key, DocumentFormat format);

    /** Forgets the task's results (their local files too). */
    void delete(String key);
}
