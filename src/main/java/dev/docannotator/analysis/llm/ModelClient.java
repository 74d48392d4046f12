package dev.docannotator.analysis.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Sends one window to the model through LangChain4j's OpenAI client, streamed, with our JSON schema as
 * {@code response_format}, and hands out each finding as soon as its JSON object is complete. Thread-safe.
 */
final class ModelClient {
    static final ResponseFormat FINDINGS_FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("findings").rootElement(JsonObjectSchema.builder()
                    .addProperty("findings", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addStringProperty("quote")
                            .addStringProperty("category")
                            .addEnumProperty("severity", List.of("info", "warning", "error"))
                            .addStringProperty("message")
                            .addStringProperty("suggestion")
                            .required("quote", "category", "severity", "message", "suggestion")
                            .additionalProperties(false)
                            .build()).build())
                    .required("findings")
                    .additionalProperties(false)
                    .build()).build())
            .build();

    private final LlmSettings settings;
    private final java.net.http.HttpClient http;
    private final LlmMetrics metrics;

    ModelClient(LlmSettings settings, java.net.http.HttpClient http, LlmMetrics metrics) {
        this.settings = settings;
        this.http = http;
        this.metrics = metrics;
    }

    /**
     * One attempt: blocks until the answer is complete, fails, falls silent for the timeout, or {@code call} is
     * cancelled. Returns the tokens used; throws {@link LlmFailure} or {@link LlmCancelledException}.
     */
    LlmUsage ask(Prompt.Chat chat, Consumer<ModelFinding> onFinding, ModelCall call) {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(CancellableTransport.builder(http, settings.timeout(), call.exchange))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .strictJsonSchema(true)
                .timeout(settings.timeout())
                .build();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(chat.system()), UserMessage.from(chat.user()))
                .responseFormat(FINDINGS_FORMAT)
                .build();
        FindingsScanner scanner = new FindingsScanner();
        long started = System.nanoTime();
        metrics.started();
        String outcome = "error";
        try {
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    call.signals.offer(new ModelCall.Delta(partial));
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    TokenUsage usage = response.tokenUsage();
                    call.signals.offer(new ModelCall.Done(
                            usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                            usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
                }

                @Override
                public void onError(Throwable error) {
                    call.signals.offer(new ModelCall.Failed(error));
                }
            });
            while (true) {
                ModelCall.Signal signal = call.signals.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (signal == null) {
                    call.exchange.cancel();
                    throw failure(new LlmFailure(LlmFailure.Kind.TIMEOUT));
                }
                if (signal instanceof ModelCall.Cancelled) {
                    outcome = "cancelled";
                    throw new LlmCancelledException();
                }
                if (call.exchange.cancelled()) {
                    outcome = "cancelled";
                    throw new LlmCancelledException();
                }
                if (signal instanceof ModelCall.Delta delta) {
                    scanner.feed(delta.text()).forEach(onFinding);
                } else if (signal instanceof ModelCall.Failed failed) {
                    throw failure(classify(failed.cause()));
                } else if (signal instanceof ModelCall.Done done) {
                    FindingsScanner.Outcome judged = scanner.finish();
                    if (judged != FindingsScanner.Outcome.COMPLETE) {
                        throw failure(new LlmFailure(LlmFailure.Kind.valueOf(judged.name())));
                    }
                    metrics.tokens(done.promptTokens(), done.completionTokens());
                    outcome = "ok";
                    return new LlmUsage(1, done.promptTokens(), done.completionTokens(), 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.exchange.cancel();
            outcome = "cancelled";
            throw new LlmCancelledException();
        } finally {
            call.exchange.cancel(); // a no-op after a complete answer; otherwise the connection must not linger
            metrics.finished(outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private LlmFailure failure(LlmFailure failure) {
        metrics.error(failure.kind());
        return failure;
    }

    /** Maps what the library or the JDK threw to a kind the user can be told about. */
    static LlmFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmFailure f) {
                return f;
            }
            if (t instanceof ModelHttpException http) {
                int status = http.statusCode();
                LlmFailure.Kind kind = status == 401 || status == 403 ? LlmFailure.Kind.UNAUTHORIZED
                        : status == 404 ? LlmFailure.Kind.MODEL_NOT_FOUND
                        : status == 408 ? LlmFailure.Kind.TIMEOUT
                        : status == 429 ? LlmFailure.Kind.RATE_LIMITED
                        : status >= 500 ? LlmFailure.Kind.SERVER_ERROR
                        : LlmFailure.Kind.BAD_REQUEST;
                return new LlmFailure(kind, http.retryAfter());
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new LlmFailure(LlmFailure.Kind.TIMEOUT);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof SSLException
                    || t instanceof dev.langchain4j.exception.UnresolvedModelServerException) {
                return new LlmFailure(LlmFailure.Kind.UNREACHABLE);
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new LlmFailure(LlmFailure.Kind.MALFORMED);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return new LlmFailure(LlmFailure.Kind.TRUNCATED); // the connection broke mid-answer
            }
        }
        return new LlmFailure(LlmFailure.Kind.SERVER_ERROR);
    }
}
