package dev.docannotator.analysis.llm;

/** What a task cost on the model: requests sent, tokens both ways, and quotes dropped because they did not anchor. */
public record LlmUsage(int requests, long promptTokens, long completionTokens, int droppedQuotes) {

    public static LlmUsage none() {
        return new LlmUsage(0, 0, 0, 0);
    }

    public LlmUsage plus(LlmUsage other) {
        return new LlmUsage(requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, droppedQuotes + other.droppedQuotes);
    }
}
