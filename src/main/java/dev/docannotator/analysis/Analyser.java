package dev.docannotator.analysis;

import dev.docannotator.document.ExtractedText;

/** Finds what a requirement asks for in a document's text. Thread-safe; sessions are not. */
public interface Analyser {

    /** Parses free text in English or Chinese into checks and terms. */
    Requirement parse(String requirementText);

    /** What the API reports as the task's {@code analyser}: "rules" for the built-in checks. */
    default String name() {
        return "rules";
    }

    /** Starts analysing {@code text}; the session is stepped by the pipeline, one bounded step at a time. */
    AnalysisSession start(ExtractedText text, Requirement requirement);
}
