package dev.docannotator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.testsupport.FakeOpenAiServer;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.testsupport.WaitUntil;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model calls a worker process makes are counted in the server's Prometheus registry: requests by outcome,
 * tokens, dropped quotes and latency reach {@code /metrics} although the calls ran in another JVM.
 */
class WorkerModelMetricsTest {
    @RegisterExtension
    final FakeOpenAiServer fake = FakeOpenAiServer.start();
    private final TestServer server = TestServer.start(s -> s.withAdmission(1, 8, 3),
            b -> b.llm(LlmSettings.of(fake.baseUrl(), "fake-model", null).withWindowChars(200)
                            .withRetries(0, Duration.ofMillis(50)))
                    .workers(WorkerSettings.builder().warmUpGrammar(false).build()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWorkersModelCallsAreCountedInTheServersMetrics() throws Exception {
        assertThat(server.app().workers().orElseThrow().awaitReady(Duration.ofSeconds(120))).isTrue();
        fake.findQuotesInWindow(List.of(
                Map.of("quote", "deliver the goods soon", "category", "missing_date", "message", "No date."),
                Map.of("quote", "a sentence the model invented", "anchor", "Notices are sent",
                        "category", "missing_date", "message", "Made up.")), 12, 0);
        String user = TestServer.newUser();
        String text = "The supplier shall deliver the goods soon after the order.\n\n"
                + "Payment is due within thirty days of the invoice date.\n\n"
                + "Notices are sent by email to the addresses above.\n\n"
                + "Disputes are settled by the courts of Zurich.\n";
        String documentId = server.upload(user, "contract.txt", text).get("document_id").asText();
        List<SseEvent> events = server.stream(user, Map.of("document_id", documentId,
                "message", "Make sure every deadline has a date", "analyser", "llm")).readToEnd();
        SseEvent result = events.get(events.size() - 1);
        assertThat(result.type()).as(events.toString()).isEqualTo("result");
        int requests = result.data().at("/usage/requests").asInt();
        assertThat(requests).isEqualTo(fake.received().size()).isGreaterThan(0);

        MeterRegistry registry = server.app().meterRegistry();
        // Observations travel on the channel beside the events: the last ones may follow the result by a moment.
        WaitUntil.waitUntil("the worker's model calls are counted", Duration.ofSeconds(10),
                () -> requestsCounted(registry) >= requests);
        assertThat(requestsCounted(registry)).isEqualTo(requests);
        assertThat(registry.get("annotator_llm_request_duration").timer().count()).isEqualTo(requests);
        assertThat(registry.get("annotator_llm_tokens").tag("direction", "prompt").counter().count()).isPositive();
        assertThat(registry.get("annotator_llm_tokens").tag("direction", "completion").counter().count()).isPositive();
        assertThat(registry.get("annotator_llm_dropped_quotes").counter().count())
                .isEqualTo(result.data().at("/usage/dropped_quotes").asDouble()).isPositive();
        assertThat(registry.get("annotator_llm_requests_in_flight").gauge().value()).isZero();
        assertThat(server.get("/metrics", user).body()).contains("annotator_llm_requests_total{outcome=");
    }

    /** Requests to the model over every outcome. */
    private static double requestsCounted(MeterRegistry registry) {
        return registry.find("annotator_llm_requests").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
