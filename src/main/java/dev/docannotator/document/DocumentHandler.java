package dev.docannotator.document;

import dev.docannotator.common.Language;
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

    /**
     * The same, writing the service's own texts (the "Suggestion:" label, the review page's headings) in
     * {@code language}. Handlers that write such texts override it; a wrapper that does not keeps English.
     */
    default ApplySession openForApply(Path file, ExtractedText text, Language language) {
        return openForApply(file, text);
    }

    /** Cheap up-front check used before a task starts: opens and closes the document. */
    default void validate(Path file) {
        try (ReadSession session = openForRead(file)) {
            session.unitCount();
        }
    }
}
