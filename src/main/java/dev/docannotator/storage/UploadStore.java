package dev.docannotator.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Uploaded documents: the row and the bytes. SQLite keeps the bytes as a file in the data directory; PostgreSQL
 * keeps them in the database (so that any instance can serve them) and a local copy as a cache for the workers.
 */
public interface UploadStore {
    /** Stores the document; {@code content} is moved away (or copied and deleted by the caller). */
    void insert(DocumentRecord document, Path content);

    Optional<DocumentRecord> find(String documentId);

    /** A local file with the document's bytes (fetched into the cache when needed); empty when they are gone. */
    Optional<Path> localFile(String documentId);

    /** Documents created before {@code cutoff} that no task still uses or used after it, for retention. */
    List<String> unusedBefore(Instant cutoff);

    /** Deletes the documents' bytes and rows. */
    void delete(List<String> documentIds);
}
