package dev.docannotator.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.testsupport.FakeOpenAiServer;
import dev.docannotator.testsupport.FakeOpenAiServer.Cut;
import dev.docannotator.testsupport.FakeOpenAiServer.Hang;
import dev.docannotator.testsupport.FakeOpenAiServer.Status;
import dev.docannotator.testsupport.FakeOpenAiServer.Stream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LlmSessionTest {
    private static final String KEY = "sk-test-secret-key-1234567890";
    private static final ExtractedText DOC = WindowsTest.paragraphs(List.of(
            "The supplier shall deliver the goods promptly after payment.",
            "Payment is due within thirty days of the invoice date.",
            "The parties may agree on further terms later."));

    @RegisterExtension
    final FakeOpenAiServer fake = FakeOpenAiServer.start();
    private final LlmMetrics metrics = LlmMetrics.unregistered();

    private LlmSession session(LlmSettings settings) {
        return new LlmAnalyser(settings, metrics).start(DOC, "Make sure every deadline has a date", Locale.ENGLISH);
    }

    private LlmSettings settings() {
        return LlmSettings.of(fake.baseUrl(), "fake-model", KEY).withRetries(3, Duration.ofSeconds(5))
                .withTimeout(Duration.ofSeconds(5));
    }

    private static Map<String, String> finding(String quote) {
        return Map.of("quote", quote, "category", "Missing Date", "severity", "error",
                "message", "No date.", "suggestion", "Add a date.");
    }

    @Test
    void sendsAStreamedSchemaBoundRequestAndAnchorsTheFindings() {
        fake.then(new Stream(FakeOpenAiServer.findingsJson(List.of(
                finding("deliver the goods promptly"),
                finding("PAYMENT is due within  thirty days"),
                finding("The buyer may cancel at any time"))), 16, 0)); // the last one is not in the document
        try (LlmSession session = session(settings())) {
            List<Annotation> found = session.analyseStep(0);

            assertThat(found).extracting(Annotation::quote)
                    .containsExactly("deliver the goods promptly", "Payment is due within thirty days");
            for (Annotation a : found) {
                assertThat(DOC.text().substring(a.start(), a.end())).isEqualTo(a.quote());
                assertThat(a.source()).isEqualTo("llm");
                assertThat(a.category()).isEqualTo("missing_date");
                assertThat(a.rule()).isEqualTo("llm/missing_date");
                assertThat(a.severity()).isEqualTo("error");
            }
            assertThat(session.usage().droppedQuotes()).isEqualTo(1);
            assertThat(session.usage().requests()).isEqualTo(1);
            assertThat(session.usage().promptTokens()).isPositive();
        }
        FakeOpenAiServer.Received request = fake.received().get(0);
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(request.body().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(request.body().at("/response_format/json_schema/name").asText()).isEqualTo("findings");
        assertThat(request.body().at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(request.body().at("/response_format/json_schema/schema/properties/findings/items/required"))
                .hasSize(5);
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.window()).contains("Payment is due within thirty days");
        assertThat(request.body().at("/messages/0/content").asText()).contains("Make sure every deadline has a date");
    }

    @Test
    void findingsAreHandedOutWhileTheAnswerIsStillStreaming() {
        String answer = FakeOpenAiServer.findingsJson(List.of(finding("deliver the goods promptly"),
                finding("within thirty days")));
        fake.then(new Stream(answer, 10, 20)); // about 30 chunks, 20 ms apart
        List<Long> foundAt = new CopyOnWriteArrayList<>();
        try (LlmSession session = session(settings())) {
            session.analyseStep(0, a -> foundAt.add(System.nanoTime()));
        }
        long end = System.nanoTime();
        assertThat(foundAt).hasSize(2);
        // The rest of the answer after the first object is ~15 chunks 20 ms apart: sleeps no load can shorten.
        assertThat(Duration.ofNanos(end - foundAt.get(0))).isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void rateLimitsAreRetriedAfterTheirRetryAfter() {
        fake.then(new Status(429, "1"), new Stream(FakeOpenAiServer.findingsJson(List.of(finding("within thirty days"))), 50, 0));
        try (LlmSession session = session(settings())) {
            assertThat(session.analyseStep(0)).hasSize(1);
            assertThat(session.usage().requests()).isEqualTo(2);
        }
        List<FakeOpenAiServer.Received> requests = fake.received();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).atNanos() - requests.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenReported() {
        fake.fallback(r -> new Status(503, null));
        try (LlmSession session = session(settings().withRetries(2, Duration.ofMillis(50)))) {
            assertThatThrownBy(() -> session.analyseStep(0)).isInstanceOfSatisfying(LlmFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.SERVER_ERROR));
        }
        assertThat(fake.received()).hasSize(3);
    }

    @Test
    void aConnectionCutMidAnswerIsRetriedWithoutRepeatingFindings() {
        String answer = FakeOpenAiServer.findingsJson(List.of(finding("deliver the goods promptly"),
                finding("within thirty days")));
        fake.then(new Cut(answer, answer.indexOf("within thirty days") - 5), new Stream(answer, 40, 0));
        List<Annotation> streamed = new ArrayList<>();
        try (LlmSession session = session(settings().withRetries(2, Duration.ofMillis(50)))) {
            session.analyseStep(0, streamed::add);
        }
        assertThat(streamed).extracting(Annotation::quote).containsExactly("deliver the goods promptly", "within thirty days");
        assertThat(fake.received()).hasSize(2);
    }

    @Test
    void answersThatAreNotFindingsFailWithTheirKind() {
        assertKind(new Stream("{\"findings\": [{\"quote\": }]}", 8, 0), LlmFailure.Kind.MALFORMED);
        assertKind(new Stream("Sure! Here are the problems I found: none.", 8, 0), LlmFailure.Kind.IGNORED_SCHEMA);
        assertKind(new Stream("", 8, 0), LlmFailure.Kind.EMPTY);
        assertKind(new Status(401, null), LlmFailure.Kind.UNAUTHORIZED);
        assertKind(new Status(404, null), LlmFailure.Kind.MODEL_NOT_FOUND);
    }

    private void assertKind(FakeOpenAiServer.Reply reply, LlmFailure.Kind kind) {
        int before = fake.received().size();
        fake.then(reply);
        try (LlmSession session = session(settings())) {
            assertThatThrownBy(() -> session.analyseStep(0)).isInstanceOfSatisfying(LlmFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(kind));
        }
        assertThat(fake.received()).hasSize(before + 1); // not retried
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LlmSettings nowhere = LlmSettings.of("http://127.0.0.1:" + port + "/v1", "m", null);
        try (LlmSession session = session(nowhere)) {
            assertThatThrownBy(() -> session.analyseStep(0)).isInstanceOfSatisfying(LlmFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.UNREACHABLE));
        }
    }

    @Test
    void aModelThatFallsSilentTimesOut() {
        fake.then(new Hang());
        try (LlmSession session = session(settings().withTimeout(Duration.ofMillis(300)).withRetries(0, Duration.ZERO))) {
            assertThatThrownBy(() -> session.analyseStep(0)).isInstanceOfSatisfying(LlmFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.TIMEOUT));
        }
    }

    @Test
    void abortClosesTheConnectionToTheModelWithinAHundredMilliseconds() throws Exception {
        fake.then(new Hang());
        LlmSession session = session(settings());
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                session.analyseStep(0);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Eventually.until(() -> fake.received().size() == 1);
        long abortedAt = System.nanoTime();
        session.abort();
        Throwable thrown = outcome.get(2, java.util.concurrent.TimeUnit.SECONDS);
        long stepEnded = System.nanoTime();
        assertThat(thrown).isInstanceOf(LlmCancelledException.class);
        assertThat(Duration.ofNanos(stepEnded - abortedAt)).isLessThan(Duration.ofMillis(100));
        Eventually.until(() -> !fake.clientClosedNanos().isEmpty());
        assertThat(Duration.ofNanos(fake.clientClosedNanos().get(0) - abortedAt)).isLessThan(Duration.ofMillis(100));
    }
}
