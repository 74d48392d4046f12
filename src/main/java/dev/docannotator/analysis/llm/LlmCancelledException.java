package dev.docannotator.analysis.llm;

/** The step was stopped from outside (pause, shutdown) while it waited for the model; the connection is closed. */
public final class LlmCancelledException extends RuntimeException {
    LlmCancelledException() {
        super("the request to the language model was cancelled", null, false, false);
    }
}
