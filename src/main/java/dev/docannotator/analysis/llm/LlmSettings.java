package dev.docannotator.analysis.llm;

import static dev.docannotator.common.EnvironmentValues.intOf;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the model is and how hard we may use it. {@code apiKey} may be null (Ollama, vLLM); it is never printed:
 * {@link #toString()} leaves it out.
 *
 * @param baseUrl       the OpenAI-compatible base, e.g. {@code http://localhost:11434/v1}
 * @param model         the model name the endpoint knows
 * @param apiKey        sent as {@code Authorization: Bearer}, or null
 * @param timeout       longest silence from the model (before the first byte and between two chunks)
 * @param maxInFlight   most requests this process has open to the model at once
 * @param windowChars   most characters of document text in one window (blocks are never split)
 * @param maxRetries    retries of one window after 429, 5xx or a cut connection
 * @param maxRetryWait  longest wait before one retry, whatever {@code Retry-After} says
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxInFlight,
                          int windowChars, int maxRetries, Duration maxRetryWait) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final int DEFAULT_WINDOW_CHARS = 6_000;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

    public LlmSettings {
        if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("the model needs both a base URL and a model name");
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the model's base URL must start with http:// or https://");
        }
        if (maxInFlight < 1 || windowChars < 200 || maxRetries < 0) {
            throw new IllegalArgumentException("in-flight requests >= 1, window >= 200 characters, retries >= 0");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** The defaults for everything but the endpoint. */
    public static LlmSettings of(String baseUrl, String model, String apiKey) {
        return new LlmSettings(baseUrl, model, apiKey, DEFAULT_TIMEOUT, DEFAULT_MAX_IN_FLIGHT, DEFAULT_WINDOW_CHARS,
                DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT);
    }

    /**
     * From flags (may be null) over the environment: ANNOTATOR_LLM_BASE_URL, ANNOTATOR_LLM_MODEL,
     * ANNOTATOR_LLM_API_KEY, ANNOTATOR_LLM_TIMEOUT_SECONDS, ANNOTATOR_LLM_MAX_IN_FLIGHT, ANNOTATOR_LLM_WINDOW_CHARS.
     * Empty when no base URL or no model is given: then no model is configured and everything runs on the rules.
     */
    public static Optional<LlmSettings> resolve(String baseUrlFlag, String modelFlag, Map<String, String> env) {
        String baseUrl = firstNonBlank(baseUrlFlag, env.get("ANNOTATOR_LLM_BASE_URL"));
        String model = firstNonBlank(modelFlag, env.get("ANNOTATOR_LLM_MODEL"));
        if (baseUrl == null && model == null) {
            return Optional.empty();
        }
        if (baseUrl == null || model == null) {
            throw new IllegalArgumentException("a language model needs both --llm-base-url (ANNOTATOR_LLM_BASE_URL)"
                    + " and --llm-model (ANNOTATOR_LLM_MODEL)");
        }
        return Optional.of(new LlmSettings(baseUrl, model, env.get("ANNOTATOR_LLM_API_KEY"),
                Duration.ofSeconds(intOf(env, "ANNOTATOR_LLM_TIMEOUT_SECONDS", (int) DEFAULT_TIMEOUT.toSeconds())),
                intOf(env, "ANNOTATOR_LLM_MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT),
                intOf(env, "ANNOTATOR_LLM_WINDOW_CHARS", DEFAULT_WINDOW_CHARS),
                DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT));
    }

    public LlmSettings withTimeout(Duration newTimeout) {
        return new LlmSettings(baseUrl, model, apiKey, newTimeout, maxInFlight, windowChars, maxRetries, maxRetryWait);
    }

    public LlmSettings withWindowChars(int newWindowChars) {
        return new LlmSettings(baseUrl, model, apiKey, timeout, maxInFlight, newWindowChars, maxRetries, maxRetryWait);
    }

    public LlmSettings withRetries(int newMaxRetries, Duration newMaxRetryWait) {
        return new LlmSettings(baseUrl, model, apiKey, timeout, maxInFlight, windowChars, newMaxRetries, newMaxRetryWait);
    }

    public LlmSettings withMaxInFlight(int newMaxInFlight) {
        return new LlmSettings(baseUrl, model, apiKey, timeout, newMaxInFlight, windowChars, maxRetries, maxRetryWait);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "set")
                + ", timeout=" + timeout + ", maxInFlight=" + maxInFlight + ", windowChars=" + windowChars
                + ", maxRetries=" + maxRetries + "]";
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : null;
    }

}
