package dev.docannotator.analysis;

import java.util.List;

/**
 * Analysis of one document, split into bounded steps (one block each, then the document-wide checks)
 * so the caller can check its cancel flag and checkpoint between two steps. Steps are deterministic and
 * independent of each other's results, so a resumed session that starts at step k finds exactly what an
 * uninterrupted one finds from step k on.
 */
public interface AnalysisSession extends AutoCloseable {

    int stepCount();

    /** Annotations of step {@code index} (ids still null), in document order. */
    List<Annotation> analyseStep(int index);

    @Override
    void close();
}
