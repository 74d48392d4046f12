package dev.docannotator.analysis;

import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Step {@code index}, handing each annotation to {@code found} as soon as it is known (a model streams its
     * findings during a step); returns the same annotations. Sessions that find everything at once hand them out
     * at the end.
     */
    default List<Annotation> analyseStep(int index, Consumer<Annotation> found) {
        List<Annotation> all = analyseStep(index);
        all.forEach(found);
        return all;
    }

    /** Stops a step running on another thread as soon as possible (it then throws); a no-op for short steps. */
    default void abort() {
    }

    @Override
    void close();
}
