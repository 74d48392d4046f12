package dev.docannotator.analysis.llm;

import dev.docannotator.analysis.AnalysisSession;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ExtractedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One document on the model: one step per {@link Window}. A step sends its window (retrying 429, 5xx, timeouts and
 * cut connections with backoff that honours {@code Retry-After}, a bounded number of times), anchors each finding as
 * it streams in and hands it out at once. {@link #abort()} closes the open connection from any thread.
 */
public final class LlmSession implements AnalysisSession {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Pattern CATEGORY = Pattern.compile("[^a-z0-9]+");

    private final ExtractedText text;
    private final String requirement;
    private final Prompt prompt;
    private final ModelClient client;
    private final LlmSettings settings;
    private final Semaphore inFlight;
    private final LlmMetrics metrics;
    private final List<Window> windows;
    private final QuoteAnchor anchor = new QuoteAnchor();
    private final CountDownLatch aborted = new CountDownLatch(1);
    private volatile ModelCall current;
    private LlmUsage usage = LlmUsage.none();

    LlmSession(ExtractedText text, String requirement, Prompt prompt, ModelClient client, LlmSettings settings,
               Semaphore inFlight, LlmMetrics metrics) {
        this.text = text;
        this.requirement = requirement;
        this.prompt = prompt;
        this.client = client;
        this.settings = settings;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.windows = Windows.layout(text, settings.windowChars());
    }

    @Override
    public int stepCount() {
        return windows.size();
    }

    /** What this session has cost so far (requests, tokens, dropped quotes). */
    public LlmUsage usage() {
        return usage;
    }

    @Override
    public List<Annotation> analyseStep(int index) {
        return analyseStep(index, a -> { });
    }

    @Override
    public List<Annotation> analyseStep(int index, Consumer<Annotation> found) {
        Window window = windows.get(index);
        Prompt.Chat chat = prompt.forWindow(requirement, text.text().substring(window.start(), window.end()));
        List<Annotation> all = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            try {
                askOnce(chat, window, annotation -> {
                    // A retried window repeats what its cut-off attempt already streamed: hand out only the new.
                    if (all.stream().noneMatch(a -> a.start() == annotation.start() && a.end() == annotation.end())) {
                        all.add(annotation);
                        found.accept(annotation);
                    }
                });
                return all;
            } catch (LlmFailure failure) {
                if (!failure.kind().retryable() || attempt >= settings.maxRetries()) {
                    throw failure;
                }
                waitBeforeRetry(backoff(attempt, failure.retryAfter()));
            }
        }
    }

    private void askOnce(Prompt.Chat chat, Window window, Consumer<Annotation> found) {
        ModelCall call = new ModelCall();
        current = call;
        acquire();
        try {
            if (aborted.getCount() == 0) {
                throw new LlmCancelledException();
            }
            usage = usage.plus(new LlmUsage(1, 0, 0, 0));
            LlmUsage used = client.ask(chat, finding -> anchored(finding, window).ifPresentOrElse(found, () -> {
                usage = usage.plus(new LlmUsage(0, 0, 0, 1));
                metrics.droppedQuote();
            }), call);
            usage = usage.plus(new LlmUsage(0, used.promptTokens(), used.completionTokens(), 0));
        } finally {
            inFlight.release();
            current = null;
        }
    }

    /** Waits for a place among the requests in flight, giving up when the session is aborted meanwhile. */
    private void acquire() {
        try {
            while (!inFlight.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                if (aborted.getCount() == 0) {
                    throw new LlmCancelledException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCancelledException();
        }
    }

    /** {@code Retry-After} when the model said so, else 0.5 s doubling; never longer than the setting allows. */
    Duration backoff(int attempt, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 6));
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    private void waitBeforeRetry(Duration wait) {
        try {
            if (aborted.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LlmCancelledException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCancelledException();
        }
    }

    private Optional<Annotation> anchored(ModelFinding finding, Window window) {
        return anchor.anchor(text.text(), window.start(), window.end(), finding.quote()).map(match -> {
            String category = category(finding.category());
            String suggestion = finding.suggestion() == null || finding.suggestion().isBlank()
                    ? null : finding.suggestion().strip();
            String message = finding.message() == null || finding.message().isBlank()
                    ? category : finding.message().strip();
            return new Annotation(null, match.start(), match.end(), text.text().substring(match.start(), match.end()),
                    null, null, category, severity(finding.severity()), message, suggestion, "llm/" + category,
                    Annotation.LLM);
        });
    }

    private static String category(String raw) {
        String c = raw == null ? "" : CATEGORY.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        c = c.replaceAll("^_+|_+$", "");
        if (c.isEmpty()) {
            return "requirement";
        }
        return c.length() > 40 ? c.substring(0, 40) : c;
    }

    private static String severity(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return s.equals("info") || s.equals("error") ? s : "warning";
    }

    /** Closes the connection to the model now and makes the running step throw {@link LlmCancelledException}. */
    @Override
    public void abort() {
        aborted.countDown();
        ModelCall call = current;
        if (call != null) {
            call.cancel();
        }
    }

    @Override
    public void close() {
        abort();
    }
}
