package dev.docannotator.analysis.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Prometheus meters of the model: requests by outcome, errors by kind, tokens, latency, dropped quotes, in flight. */
public final class LlmMetrics {
    private final MeterRegistry registry;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter dropped;
    private final Timer latency;
    private final AtomicInteger inFlight = new AtomicInteger();

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.promptTokens = Counter.builder("annotator_llm_tokens").tag("direction", "prompt")
                .description("Tokens sent to the language model").register(registry);
        this.completionTokens = Counter.builder("annotator_llm_tokens").tag("direction", "completion")
                .description("Tokens the language model answered with").register(registry);
        this.dropped = Counter.builder("annotator_llm_dropped_quotes")
                .description("Quotes from the model that matched no text and were dropped").register(registry);
        this.latency = Timer.builder("annotator_llm_request_duration")
                .description("Time from sending a request to the model to the end of its answer").register(registry);
        registry.gauge("annotator_llm_requests_in_flight", inFlight);
    }

    /** Meters nobody reads (tests, the CLI). */
    public static LlmMetrics unregistered() {
        return new LlmMetrics(new SimpleMeterRegistry());
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished(String outcome, Duration took) {
        inFlight.decrementAndGet();
        Counter.builder("annotator_llm_requests").tag("outcome", outcome)
                .description("Requests to the language model by outcome").register(registry).increment();
        latency.record(took);
    }

    void error(LlmFailure.Kind kind) {
        Counter.builder("annotator_llm_errors").tag("kind", kind.id())
                .description("Failed requests to the language model by kind").register(registry).increment();
    }

    void tokens(long prompt, long completion) {
        promptTokens.increment(prompt);
        completionTokens.increment(completion);
    }

    void droppedQuote() {
        dropped.increment();
    }
}
