package dev.docannotator.cli;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.pipeline.RunReport;
import java.util.List;

/**
 * What {@code annotate --json} prints on stdout, the same in local and remote mode: the outcome, the annotations,
 * and what ran ({@code checks}, {@code requirement}, {@code analyser}, and when a model ran {@code usage} and, if a
 * "both" run went on without it, {@code llm_failure}).
 */
public record AnnotateResult(String status, int annotationCount, String output, List<Annotation> annotations,
                             List<CheckRun> checks, RunReport.RequirementReport requirement, String analyser,
                             LlmUsage usage, RunReport.ModelFailure llmFailure) {

    public AnnotateResult(String status, int annotationCount, String output, List<Annotation> annotations,
                          RunReport report) {
        this(status, annotationCount, output, annotations, report == null ? null : report.checks(),
                report == null ? null : report.requirement(), report == null ? null : report.analyser(),
                report == null ? null : report.usage(), report == null ? null : report.llmFailure());
    }
}
