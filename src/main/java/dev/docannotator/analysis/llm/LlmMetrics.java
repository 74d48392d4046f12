package dev.docannotator.analysis.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Prometheus meters of the model: requests by outcome, errors by kind, tokens, latency, dropped quotes, in flight.
 * In a worker process the meters are nobody's: each observation is also handed on as an {@link Observation} (the
 * worker sends it to the server, which {@link #record records} it in its own registry).
 */
public final class LlmMetrics {
    /**
     * One thing the meters were told, as a value a worker can send: {@code tag} is the outcome (finished) or the
     * error kind (error); {@code nanos} the request's duration (finished); the token counts for {@code TOKENS}.
     */
    public record Observation(Type type, String tag, long nanos, long promptTokens, long completionTokens) {
        /** What was observed. */
        public enum Type { STARTED, FINISHED, ERROR, TOKENS, DROPPED_QUOTE }
    }

    private final MeterRegistry registry;
    private final Consumer<Observation> relay;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter dropped;
    private final Timer latency;
    private final AtomicInteger inFlight = new AtomicInteger();

    public LlmMetrics(MeterRegistry registry) {
        this(registry, null);
    }

    private LlmMetrics(MeterRegistry registry, Consumer<Observation> relay) {
        this.registry = registry;
        this.relay = relay;
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

    /** Meters of a worker process: nobody reads them there, so every observation also goes to {@code relay}. */
    public static LlmMetrics relayedTo(Consumer<Observation> relay) {
        return new LlmMetrics(new SimpleMeterRegistry(), relay);
    }

    void started() {
        observe(new Observation(Observation.Type.STARTED, null, 0, 0, 0));
    }

    void finished(String outcome, Duration took) {
        observe(new Observation(Observation.Type.FINISHED, outcome, took.toNanos(), 0, 0));
    }

    void error(LlmFailure.Kind kind) {
        observe(new Observation(Observation.Type.ERROR, kind.id(), 0, 0, 0));
    }

    void tokens(long prompt, long completion) {
        observe(new Observation(Observation.Type.TOKENS, null, 0, prompt, completion));
    }

    void droppedQuote() {
        observe(new Observation(Observation.Type.DROPPED_QUOTE, null, 0, 0, 0));
    }

    private void observe(Observation observation) {
        record(observation);
        if (relay != null) {
            relay.accept(observation);
        }
    }

    /** {@code count} requests will never finish (their worker process ended mid-request): no longer in flight. */
    public void abandoned(int count) {
        inFlight.addAndGet(-count);
    }

    /** Counts {@code observation} in these meters (the server, for what a worker observed). */
    public void record(Observation observation) {
        switch (observation.type()) {
            case STARTED -> inFlight.incrementAndGet();
            case FINISHED -> {
                inFlight.decrementAndGet();
                Counter.builder("annotator_llm_requests").tag("outcome", String.valueOf(observation.tag()))
                        .description("Requests to the language model by outcome").register(registry).increment();
                latency.record(Duration.ofNanos(observation.nanos()));
            }
            case ERROR -> Counter.builder("annotator_llm_errors").tag("kind", String.valueOf(observation.tag()))
                    .description("Failed requests to the language model by kind").register(registry).increment();
            case TOKENS -> {
                promptTokens.increment(observation.promptTokens());
                completionTokens.increment(observation.completionTokens());
            }
            case DROPPED_QUOTE -> dropped.increment();
        }
    }
}
