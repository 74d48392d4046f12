package dev.docannotator.analysis;

import java.util.List;

/**
 * Analysis of one document, split into bounded steps (a window of at most a few thousand characters of a block
 * each, then one step per document-wide check) so the caller can check its cancel flag and checkpoint between
 * two steps. Steps are deterministic and
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
