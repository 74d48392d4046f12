package dev.docannotator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * An asynchronous SSE consumer for many concurrent streams without a thread each: lines arrive through
 * HttpClient's line subscriber and are assembled into events here.
 */
final class EventStream implements Flow.Subscriber<String> {
    private final BiConsumer<String, JsonNode> onEvent;
    final CompletableFuture<String> ended = new CompletableFuture<>();
    volatile long firstEventNanos;
    /** With the socket client: when the thread began, the connection was made, the request sent, the status read. */
    volatile long threadStartedNanos;
    volatile long connectedNanos;
    volatile long requestSentNanos;
    volatile long statusNanos;
    volatile int heartbeats;
    private String type;
    private final StringBuilder data = new StringBuilder();
    private Flow.Subscription subscription;

    EventStream(BiConsumer<String, JsonNode> onEvent) {
        this.onEvent = onEvent;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            if (type != null && data.length() > 0) {
                if (firstEventNanos == 0) {
                    firstEventNanos = System.nanoTime();
                }
                try {
                    onEvent.accept(type, Json.mapper().readTree(data.toString()));
                } catch (IOException e) {
                    ended.completeExceptionally(e);
                }
            }
            type = null;
            data.setLength(0);
        } else if (line.startsWith(":")) {
            heartbeats++;
        } else if (line.startsWith("event:")) {
            type = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
        }
    }

    @Override
    public void onError(Throwable t) {
        ended.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        ended.complete("closed");
    }

    void cancelSubscription() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
