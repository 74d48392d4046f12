package dev.docannotator.http;

/** 429 too_many_requests for an identity that already holds its most open event streams, with a Retry-After. */
public final class TooManyStreamsException extends ApiException {
    private final int retryAfterSeconds;

    public TooManyStreamsException(String message, int retryAfterSeconds) {
        super(429, "too_many_requests", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
