package dev.docannotator.storage;

import dev.docannotator.analysis.Annotation;
import java.util.List;

/** The final annotations of each completed task, in order; written (all at once) through {@link Store#writeBatch}. */
public interface AnnotationStore {
    List<Annotation> load(String key);
}
