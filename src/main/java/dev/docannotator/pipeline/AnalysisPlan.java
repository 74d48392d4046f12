package dev.docannotator.pipeline;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmFailure;
import dev.docannotator.analysis.llm.LlmSession;
import dev.docannotator.analysis.llm.LlmUsage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The analyse stage's steps: the rules' steps first (fast, so their findings come at once), then one step per model
 * window. With "both", a model that fails makes the remaining windows empty steps and the run goes on with the
 * rules' findings; with "llm" the failure ends the run. Either session may be absent.
 */
final class AnalysisPlan implements AnalysisSession {
    private final AnalysisSession rules;
    private final LlmSession model;
    private final boolean degradeOnFailure;
    private final LlmUsage usageBefore;
    private volatile String failure;

    AnalysisPlan(AnalysisSession rules, LlmSession model, boolean degradeOnFailure, LlmUsage usageBefore,
                 String failure) {
        this.rules = rules;
        this.model = model;
        this.degradeOnFailure = degradeOnFailure;
        this.usageBefore = usageBefore == null ? LlmUsage.none() : usageBefore;
        this.failure = failure;
    }

    private int ruleSteps() {
        return rules == null ? 0 : rules.stepCount();
    }

    @Override
    public int stepCount() {
        return ruleSteps() + (model == null ? 0 : model.stepCount());
    }

    /** Whether step {@code index} asks the model, and which window (1-based) of how many. */
    boolean isModelStep(int index) {
        return index >= ruleSteps();
    }

    int modelWindow(int index) {
        return index - ruleSteps() + 1;
    }

    int modelWindows() {
        return model == null ? 0 : model.stepCount();
    }

    @Override
    public List<Annotation> analyseStep(int index) {
        return analyseStep(index, a -> { });
    }

    @Override
    public List<Annotation> analyseStep(int index, Consumer<Annotation> found) {
        if (!isModelStep(index)) {
            return rules.analyseStep(index, found);
        }
        if (failure != null) {
            return List.of();
        }
        try {
            return model.analyseStep(index - ruleSteps(), found);
        } catch (LlmFailure e) {
            if (!degradeOnFailure) {
                throw e;
            }
            failure = e.kind().id();
            return List.of();
        }
    }

    /** The model's cost over every run of this task so far; null when no model is part of the plan. */
    LlmUsage usage() {
        return model == null ? null : usageBefore.plus(model.usage());
    }

    /** The kind of failure the model had in a "both" run, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void abort() {
        if (rules != null) {
            rules.abort();
        }
        if (model != null) {
            model.abort();
        }
    }

    @Override
    public void close() {
        if (rules != null) {
            rules.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
