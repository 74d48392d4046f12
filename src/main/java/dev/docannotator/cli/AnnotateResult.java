package dev.docannotator.cli;

import dev.docannotator.analysis.Annotation;
import java.util.List;

/** What {@code annotate --json} prints on stdout, the same in local and remote mode. */
public record AnnotateResult(String status, int annotationCount, String output, List<Annotation> annotations) {
}
