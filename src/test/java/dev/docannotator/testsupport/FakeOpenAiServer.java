package dev.docannotator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small real OpenAI-compatible server for tests: {@code POST /v1/chat/completions} answers with SSE chunks the
 * way hosted models stream, following a script: one scripted {@link Reply} per request (then the fallback), which can
 * stream findings in small delayed chunks, fail with a status and {@code Retry-After}, hang, cut the connection
 * mid-answer or send any text. It records every request and when a client closed a streaming connection.
 *
 * <p>As a test's fixture: {@code @RegisterExtension final FakeOpenAiServer fake = FakeOpenAiServer.start();} runs
 * one per test and closes it after the test's own {@code @AfterEach} methods (which may still stop a server using it).
 */
public final class FakeOpenAiServer implements AutoCloseable, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Received(JsonNode body, String authorization, long atNanos) {
        /** The document window the request carried (the user message without our tags). */
        public String window() {
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asText())) {
                    return m.path("content").asText().replace("<document>\n", "").replace("\n</document>", "");
                }
            }
            return "";
        }
    }

    /** What to answer to one request. */
    public sealed interface Reply {
    }

    /** Streams {@code content} as the model's answer in chunks of {@code chunkChars}, {@code delayMillis} apart. */
    public record Stream(String content, int chunkChars, long delayMillis) implements Reply {
    }

    /** An error status (with {@code Retry-After} when not null) and an OpenAI-style error body. */
    public record Status(int code, String retryAfter) implements Reply {
    }

    /**
     * An error status whose body echoes every request header, the Authorization header with the API key included,
     * as careless proxies and some servers do ({@code Retry-After} when not null).
     */
    public record EchoHeaders(int code, String retryAfter) implements Reply {
    }

    /** Streams the first {@code chars} characters of {@code content}, then breaks the connection. */
    public record Cut(String content, int chars) implements Reply {
    }

    /** Opens the stream and sends nothing but SSE comments until the client goes away. */
    public record Hang() implements Reply {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Reply> fallback = r -> new Stream("{\"findings\": []}", 8, 0);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Long> clientClosedNanos = new CopyOnWriteArrayList<>();

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** A started server, for a field initialiser. */
    public static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake model server", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** The base URL to configure, ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next requests get these replies, in order; after them, the fallback answers. */
    public FakeOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** How requests beyond the script are answered. */
    public FakeOpenAiServer fallback(Function<Received, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    /** The default fallback for findings: every listed quote that occurs in the request's window. */
    public FakeOpenAiServer findQuotesInWindow(List<Map<String, String>> findings, int chunkChars, long delayMillis) {
        return fallback(r -> {
            String window = r.window();
            List<Map<String, String>> hits = new ArrayList<>();
            for (Map<String, String> f : findings) {
                if (window.contains(f.getOrDefault("anchor", f.get("quote")))) {
                    hits.add(f);
                }
            }
            return new Stream(findingsJson(hits), chunkChars, delayMillis);
        });
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** When (System.nanoTime) clients closed connections that were still streaming. */
    public List<Long> clientClosedNanos() {
        return List.copyOf(clientClosedNanos);
    }

    /** {"findings": [...]} with quote, category, severity, message, suggestion of each map. */
    public static String findingsJson(List<Map<String, String>> findings) {
        StringBuilder out = new StringBuilder("{\"findings\": [");
        for (int i = 0; i < findings.size(); i++) {
            Map<String, String> f = findings.get(i);
            out.append(i == 0 ? "" : ", ").append("{");
            out.append("\"quote\": ").append(quote(f.get("quote")));
            out.append(", \"category\": ").append(quote(f.getOrDefault("category", "requirement")));
            out.append(", \"severity\": ").append(quote(f.getOrDefault("severity", "warning")));
            out.append(", \"message\": ").append(quote(f.getOrDefault("message", "Check this.")));
            out.append(", \"suggestion\": ").append(quote(f.getOrDefault("suggestion", "")));
            out.append("}");
        }
        return out.append("]}").toString();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Received request = new Received(body, exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime());
        received.add(request);
        Reply reply = script.poll();
        if (reply == null) {
            reply = fallback.apply(request);
        }
        try {
            if (reply instanceof EchoHeaders echo) {
                StringBuilder headers = new StringBuilder();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(
                        v -> headers.append(name).append(": ").append(v).append("; ")));
                byte[] error = ("{\"error\": {\"message\": " + quote("Incorrect API key provided: "
                        + request.authorization() + ". Request headers: " + headers) + ", \"type\": \"invalid_request_error\","
                        + " \"code\": \"invalid_api_key\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-Echo-Authorization", String.valueOf(request.authorization()));
                if (echo.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", echo.retryAfter());
                }
                exchange.sendResponseHeaders(echo.code(), error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            if (reply instanceof Status status) {
                byte[] error = ("{\"error\": {\"message\": \"scripted " + status.code() + "\", \"type\": \"test\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (status.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", status.retryAfter());
                }
                exchange.sendResponseHeaders(status.code(), error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (reply instanceof Hang) {
                while (true) {
                    send(out, ": waiting\n\n");
                    pause(10);
                }
            }
            if (reply instanceof Cut cut) {
                streamContent(out, cut.content().substring(0, cut.chars()), 8, 0);
                // An exception out of the handler makes the server drop the connection without ending the body.
                throw new IOException("scripted cut");
            }
            Stream stream = (Stream) reply;
            streamContent(out, stream.content(), stream.chunkChars(), stream.delayMillis());
            send(out, "data: " + chunk(null, "stop", null) + "\n\n");
            send(out, "data: " + chunk(null, null, "{\"prompt_tokens\": " + (request.window().length() / 4 + 50)
                    + ", \"completion_tokens\": " + (stream.content().length() / 4) + ", \"total_tokens\": 1}") + "\n\n");
            send(out, "data: [DONE]\n\n");
            exchange.close();
        } catch (IOException clientGone) {
            if (!"scripted cut".equals(clientGone.getMessage())) {
                clientClosedNanos.add(System.nanoTime());
            }
            exchange.close();
            if ("scripted cut".equals(clientGone.getMessage())) {
                throw clientGone;
            }
        }
    }

    private void streamContent(OutputStream out, String content, int chunkChars, long delayMillis) throws IOException {
        for (int i = 0; i < content.length(); i += chunkChars) {
            String piece = content.substring(i, Math.min(content.length(), i + chunkChars));
            send(out, "data: " + chunk(piece, null, null) + "\n\n");
            pause(delayMillis);
        }
    }

    private static String chunk(String content, String finishReason, String usage) throws IOException {
        String delta = content == null ? "{}" : "{\"content\": " + JSON.writeValueAsString(content) + "}";
        String choices = usage != null ? "[]" : "[{\"index\": 0, \"delta\": " + delta + ", \"finish_reason\": "
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]";
        return "{\"id\": \"chatcmpl-fake\", \"object\": \"chat.completion.chunk\", \"created\": 0, \"model\": \"fake\","
                + " \"choices\": " + choices + (usage == null ? "" : ", \"usage\": " + usage) + "}";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // the fake model's pace, not a test waiting for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
