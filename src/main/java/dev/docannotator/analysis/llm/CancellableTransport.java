package dev.docannotator.analysis.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * LangChain4j's HTTP client SPI on a shared JDK client, for one {@link Exchange}. The library builds the request
 * (body, schema, headers) and parses the stream; this adapter exists because the library's own JDK client can
 * neither cancel a request before its first chunk nor report {@code Retry-After}.
 */
final class CancellableTransport implements HttpClient {
    private final java.net.http.HttpClient jdk;
    private final Duration headersTimeout;
    private final Exchange exchange;

    CancellableTransport(java.net.http.HttpClient jdk, Duration headersTimeout, Exchange exchange) {
        this.jdk = jdk;
        this.headersTimeout = headersTimeout;
        this.exchange = exchange;
    }

    /** A builder that hands the library this transport. */
    static HttpClientBuilder builder(java.net.http.HttpClient jdk, Duration headersTimeout, Exchange exchange) {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return headersTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return headersTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return new CancellableTransport(jdk, headersTimeout, exchange);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        throw new UnsupportedOperationException("only streaming requests are sent to the model");
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder()
                .uri(URI.create(request.url()))
                .timeout(headersTimeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        var future = jdk.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        exchange.started(future);
        future.thenAccept(response -> {
            InputStream body = response.body();
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                Duration retryAfter = ModelHttpException.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC());
                drainQuietly(body);
                listener.onError(new ModelHttpException(response.statusCode(), retryAfter));
                return;
            }
            if (!exchange.streaming(body)) {
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).build());
            try (body) {
                parser.parse(body, listener);
                listener.onClose();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        }).exceptionally(failure -> {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
            return null;
        });
    }

    private static void drainQuietly(InputStream body) {
        try (body) {
            body.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // the status is what matters
        }
    }
}
