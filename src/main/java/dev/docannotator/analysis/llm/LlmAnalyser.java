package dev.docannotator.analysis.llm;

import dev.docannotator.document.ExtractedText;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The language-model analyser of one process: its settings, one shared HTTP client, and the bound on requests in
 * flight to the model. Thread-safe; its sessions are not.
 */
public final class LlmAnalyser {
    private final LlmSettings settings;
    private final LlmMetrics metrics;
    private final ModelClient client;
    private final Semaphore inFlight;

    public LlmAnalyser(LlmSettings settings, LlmMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(10)) < 0
                        ? settings.timeout() : Duration.ofSeconds(10))
                // Cancelling a streamed answer closes its connection; HTTP/2 would only reset the stream.
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.client = new ModelClient(settings, http, metrics);
        this.inFlight = new Semaphore(settings.maxInFlight(), true);
    }

    public LlmSettings settings() {
        return settings;
    }

    /** Starts analysing {@code text} for the user's {@code requirement}; messages in {@code replyLocale}. */
    public LlmSession start(ExtractedText text, String requirement, Locale replyLocale) {
        return new LlmSession(text, requirement, new Prompt(replyLocale), client, settings, inFlight, metrics);
    }
}
