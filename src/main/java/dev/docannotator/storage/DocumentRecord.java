package dev.docannotator.storage;

import dev.docannotator.document.DocumentFormat;
import java.time.Instant;

/** An uploaded document: owned by {@code userId}, stored on disk under its generated id, never under its name. */
public record DocumentRecord(String documentId, String userId, String filename, DocumentFormat format,
                             long sizeBytes, Instant createdAt) {
}
