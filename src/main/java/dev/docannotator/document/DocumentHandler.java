package dev.docannotator.document;

import java.nio.file.Path;

/** Reads and annotates one {@link DocumentFormat}. Implementations are stateless and thread-safe. */
public interface DocumentHandler {

    DocumentFormat format();

    /**
     * Opens the document for reading. Throws {@link DocumentRejectedException} with a specific message
     * for encrypted, corrupt, truncated or bomb-like files.
     */
    ReadSession openForRead(Path file);

    /** Opens the original document for annotating; {@code text} is what {@link #openForRead} produced. */
    ApplySession openForApply(Path file, ExtractedText text);

    /** Cheap up-front check used before a task starts: opens and closes the document. */
    default void validate(Path file) {
        try (ReadSession session = openForRead(file)) {
            session.unitCount();
        }
    }
}
