package dev.docannotator.http;

/**
 * An error with its API code and HTTP status, thrown by services and handlers and turned into
 * {@code {"error": {"code", "message"}}} in one place. The message is one human sentence. An error the client
 * may simply retry carries the seconds to wait first (sent as {@code Retry-After}); 0 when it has none.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final int retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    private ApiException(int status, String code, String message, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds the client should wait before trying again; 0 when retrying would not help. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException invalidRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException featureDisabled(String message) {
        return new ApiException(403, "feature_disabled", message);
    }

    /** 403: refused whoever the caller is, e.g. a state-changing request sent by another site (CSRF). */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, "payload_too_large", message);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, "unprocessable_document", message);
    }

    /** 429: the caller holds too much at once (tasks, streams); worth trying again after {@code retryAfterSeconds}. */
    public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
        return new ApiException(429, "too_many_requests", message, retryAfterSeconds);
    }

    /** 503: the server cannot take the work now (queue full, stopping); try again after {@code retryAfterSeconds}. */
    public static ApiException serverBusy(String message, int retryAfterSeconds) {
        return new ApiException(503, "server_busy", message, retryAfterSeconds);
    }
}
