package dev.docannotator.http;

/**
 * An error with its API code and HTTP status, thrown by services and handlers and turned into
 * {@code {"error": {"code", "message"}}} in one place. The message is one human sentence.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
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

    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, "too_many_requests", message);
    }
}
