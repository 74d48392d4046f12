package dev.docannotator.browser;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.ExtractedText;
import java.time.Duration;
import java.util.List;

/**
 * The real analyser, slowed to a steady pace per analysis step, so that a browser test can press Pause
 * while a task is surely in the middle of its analysis. What it finds is exactly what the real one finds.
 */
final class PacedAnalyser implements Analyser {

    private final Analyser delegate;
    private final Duration pace;

    PacedAnalyser(Analyser delegate, Duration pace) {
        this.delegate = delegate;
        this.pace = pace;
    }

    @Override
    public Requirement parse(String requirementText) {
        return delegate.parse(requirementText);
    }

    @Override
    public AnalysisSession start(ExtractedText text, Requirement requirement) {
        AnalysisSession session = delegate.start(text, requirement);
        return new AnalysisSession() {
            @Override
            public int stepCount() {
                return session.stepCount();
            }

            @Override
            public List<Annotation> analyseStep(int index) {
                try {
                    Thread.sleep(pace.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return session.analyseStep(index);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
