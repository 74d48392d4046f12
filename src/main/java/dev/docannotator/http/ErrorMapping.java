package dev.docannotator.http;

import dev.docannotator.common.Json;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.StorageFailures;
import dev.docannotator.tasks.TaskException;
import dev.docannotator.rollout.InvalidRolloutRequestException;
import dev.docannotator.rollout.RolloutConflictException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become {@code {"error": {"code", "message"}}}: API exceptions, rejected documents,
 * Javalin's own responses (unknown routes, oversized bodies) and everything unexpected (500, logged, generic text).
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            write(ctx, e.status(), e.code(), e.getMessage());
        });
        config.routes.exception(DocumentRejectedException.class, (e, ctx) -> {
            ApiException mapped = rejected(e, Requests.locale(ctx));
            write(ctx, mapped.status(), mapped.code(), mapped.getMessage());
        });
        config.routes.exception(TaskException.class, (e, ctx) -> {
            ApiException mapped = refused(e);
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            write(ctx, mapped.status(), mapped.code(), mapped.getMessage());
        });
        config.routes.exception(StorageException.class, (e, ctx) -> {
            // Logged once per incident by the task writer; a request that met it gets one sentence, no stack trace.
            LOG.warn("{} {}: storage failed: {}", ctx.method(), ctx.path(), StorageFailures.oneLine(e));
            boolean full = StorageFailures.isDiskFull(e);
            ctx.header("Retry-After", full ? "30" : "10");
            write(ctx, full ? 507 : 503, full ? "insufficient_storage" : "server_busy",
                    Requests.messages(ctx).get(full ? "storage.full" : "storage.failing"));
        });
        // The rollout's own refusals; its messages are for operators and stay English.
        config.routes.exception(RolloutConflictException.class,
                (e, ctx) -> write(ctx, 409, "conflict", e.getMessage()));
        config.routes.exception(InvalidRolloutRequestException.class,
                (e, ctx) -> write(ctx, 400, "invalid_request", e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> javalinError(ctx, e.getStatus()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", Requests.messages(ctx).get("error.internal"));
        });
        config.routes.error(404, "*", ctx -> {
            if (!isJsonError(ctx)) {
                javalinError(ctx, 404);
            }
        });
    }

    /** Maps a refused document to its status (415 unsupported, 413 too large, 422 otherwise), said in {@code locale}. */
    static ApiException rejected(DocumentRejectedException e, java.util.Locale locale) {
        String message = e.message(locale);
        return switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> ApiException.unsupportedMediaType(message);
            case TOO_LARGE -> ApiException.payloadTooLarge(message);
            case UNPROCESSABLE -> ApiException.unprocessable(message);
        };
    }

    /** Maps a refusal of the task service to its status and code. */
    static ApiException refused(TaskException e) {
        int retry = e.retryAfterSeconds();
        return switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case CONFLICT -> ApiException.conflict(e.getMessage());
            case FEATURE_DISABLED -> ApiException.featureDisabled(e.getMessage());
            case USER_LIMIT -> ApiException.tooManyRequests(e.getMessage(), retry);
            case BUSY, STORAGE_FAILING -> ApiException.serverBusy(e.getMessage(), retry);
            case STORAGE_FULL -> new ApiException(507, "insufficient_storage", e.getMessage());
        };
    }

    private static void javalinError(Context ctx, int status) {
        Messages messages = Requests.messages(ctx);
        switch (status) {
            case 404 -> write(ctx, 404, "not_found", messages.get("error.not_found"));
            case 413 -> {
                // The body was not read: the client must not reuse this connection.
                ctx.header("Connection", "close");
                write(ctx, 413, "payload_too_large", messages.get("error.too_large"));
            }
            case 415 -> write(ctx, 415, "unsupported_media_type", messages.get("error.media_type"));
            case 401 -> write(ctx, 401, "unauthorized", messages.get("error.unauthorized"));
            case 403 -> write(ctx, 403, "feature_disabled", messages.get("error.forbidden"));
            case 409 -> write(ctx, 409, "conflict", messages.get("error.conflict"));
            case 429 -> write(ctx, 429, "too_many_requests", messages.get("error.too_many"));
            case 503 -> {
                ctx.header("Retry-After", "5");
                write(ctx, 503, "server_busy", messages.get("error.busy"));
            }
            default -> {
                if (status >= 400 && status < 500) {
                    write(ctx, 400, "invalid_request", messages.get("error.invalid"));
                } else {
                    write(ctx, 500, "internal_error", messages.get("error.internal"));
                }
            }
        }
    }

    private static boolean isJsonError(Context ctx) {
        String body = ctx.result();
        return body != null && body.startsWith("{\"error\"");
    }

    static void write(Context ctx, int status, String code, String message) {
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        ctx.result(Json.write(Map.of("error", error)));
    }
}
