package dev.docannotator.document;

import dev.docannotator.analysis.Annotation;
import java.nio.file.Path;
import java.util.List;

/**
 * The original document opened for writing annotations back into it, one bounded batch at a time.
 * It rebuilds the same text model as the reader, so an annotation's offsets land on its quote.
 */
public interface ApplySession extends AutoCloseable {

    /** Anchors each annotation of the batch in the document (a comment, a highlight, a marked span). */
    void apply(List<Annotation> batch);

    /** Writes the document with every annotation applied so far to {@code out} (a new file). */
    void save(Path out);

    /** Releases files and memory; never writes to the original. Safe to call twice. */
    @Override
    void close();
}
