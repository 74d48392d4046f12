package dev.docannotator.analysis.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** A non-2xx answer from the model with its {@code Retry-After} (null when absent), which the library drops. */
final class ModelHttpException extends HttpException {
    private final transient Duration retryAfter;

    ModelHttpException(int statusCode, Duration retryAfter) {
        // The body is not kept: a provider may echo parts of the request (or of the key) in it.
        super(statusCode, "HTTP " + statusCode);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, java.time.Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
