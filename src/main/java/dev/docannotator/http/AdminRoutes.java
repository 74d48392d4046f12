package dev.docannotator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.RolloutService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The operator API under /api/admin/** (rollout of PAUSABLE_STREAMING). I/O only ({@link AdminGuard} checks the
 * bearer token): parses and type-checks the body, calls {@link RolloutService}, answers with the rollout as GET shows it.
 */
public final class AdminRoutes implements RouteModule {

    static final String DEFAULT_ACTOR = "operator";
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 1000;

    private final RolloutService service;

    /** The routes; {@link AdminGuard} checks the token before them. */
    public AdminRoutes(RolloutService service) {
        this.service = service;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/rollout", this::show);
        config.routes.post("/api/admin/rollout/advance", ctx -> {
            JsonNode body = body(ctx);
            service.advance(actor(ctx), text(ctx, body, "reason"), version(ctx, body), flag(ctx, body, "force"),
                    Requests.locale(ctx));
            show(ctx);
        });
        config.routes.post("/api/admin/rollout/rollback", ctx -> {
            JsonNode body = body(ctx);
            service.rollback(actor(ctx), text(ctx, body, "reason"), version(ctx, body), whole(ctx, body, "to_stage"),
                    Requests.locale(ctx));
            show(ctx);
        });
        config.routes.post("/api/admin/rollout/percentage", ctx -> {
            JsonNode body = body(ctx);
            Integer percentage = whole(ctx, body, "percentage");
            if (percentage == null) {
                throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.percentage_required"));
            }
            service.setPercentage(actor(ctx), text(ctx, body, "reason"), version(ctx, body), percentage,
                    flag(ctx, body, "force"), Requests.locale(ctx));
            show(ctx);
        });
        config.routes.post("/api/admin/rollout/freeze", ctx -> {
            JsonNode body = body(ctx);
            service.freeze(actor(ctx), text(ctx, body, "reason"), version(ctx, body), Requests.locale(ctx));
            show(ctx);
        });
        config.routes.post("/api/admin/rollout/unfreeze", ctx -> {
            JsonNode body = body(ctx);
            service.unfreeze(actor(ctx), text(ctx, body, "reason"), version(ctx, body), Requests.locale(ctx));
            show(ctx);
        });
    }

    private void show(Context ctx) {
        int limit = DEFAULT_HISTORY;
        String requested = ctx.queryParam("history_limit");
        if (requested != null) {
            try {
                limit = Integer.parseInt(requested.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_HISTORY) {
                throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.history_limit", MAX_HISTORY));
            }
        }
        ctx.contentType("application/json").result(Json.write(service.view(limit, Requests.locale(ctx))));
    }

    /** The operator named by X-Operator, or "operator". */
    static String actor(Context ctx) {
        String header = ctx.header("X-Operator");
        if (header == null || header.isBlank()) {
            return DEFAULT_ACTOR;
        }
        String actor = header.strip();
        if (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.operator"));
        }
        return actor;
    }

    private static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.body"));
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("request.malformed_json"));
        }
        if (body == null || !body.isObject()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.body"));
        }
        return body;
    }

    private static String text(Context ctx, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("request.field_string", field));
        }
        return node.asText();
    }

    private static Long version(Context ctx, JsonNode body) {
        JsonNode node = body.get("version");
        if (node == null || node.isNull()) {
            return null; // the service answers with the specific 400
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("admin.version_number"));
        }
        return node.asLong();
    }

    private static Integer whole(Context ctx, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("request.field_whole", field));
        }
        return node.asInt();
    }

    private static boolean flag(Context ctx, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("request.field_boolean", field));
        }
        return node.asBoolean();
    }
}
