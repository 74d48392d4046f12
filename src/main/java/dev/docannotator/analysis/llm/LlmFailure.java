package dev.docannotator.analysis.llm;

/**
 * Why the model could not answer for a window, as a kind the user can be told about in their language
 * ({@code i18n/llm} key {@code failure.<kind>}); never carries the key or the model's raw answer.
 */
public final class LlmFailure extends RuntimeException {
    /** What went wrong; {@code retryable} kinds are retried with backoff, a bounded number of times. */
    public enum Kind {
        UNREACHABLE(true), UNAUTHORIZED(false), MODEL_NOT_FOUND(false), BAD_REQUEST(false), RATE_LIMITED(true),
        SERVER_ERROR(true), TIMEOUT(true), TRUNCATED(true), MALFORMED(false), EMPTY(false), IGNORED_SCHEMA(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The message key and the metric label. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final transient java.time.Duration retryAfter;

    LlmFailure(Kind kind, java.time.Duration retryAfter) {
        super("language model: " + kind.id(), null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    LlmFailure(Kind kind) {
        this(kind, null);
    }

    public Kind kind() {
        return kind;
    }

    java.time.Duration retryAfter() {
        return retryAfter;
    }
}
