package dev.docannotator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.AdminToken;
import dev.docannotator.rollout.RolloutService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The operator API under /api/admin/** (rollout of PAUSABLE_STREAMING). I/O only: checks the bearer token,
 * parses and type-checks the body, calls {@link RolloutService}, answers with the rollout as GET shows it.
 */
public final class AdminRoutes implements RouteModule {

    static final String DEFAULT_ACTOR = "operator";
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 1000;

    private final RolloutService service;
    private final AdminToken token;

    public AdminRoutes(RolloutService service, AdminToken token) {
        this.service = service;
        this.token = token;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/rollout", guarded(this::show));
        config.routes.post("/api/admin/rollout/advance", guarded(ctx -> {
            JsonNode body = body(ctx);
            service.advance(actor(ctx), text(body, "reason"), version(body), flag(body, "force"));
            show(ctx);
        }));
        config.routes.post("/api/admin/rollout/rollback", guarded(ctx -> {
            JsonNode body = body(ctx);
            service.rollback(actor(ctx), text(body, "reason"), version(body), whole(body, "to_stage"));
            show(ctx);
        }));
        config.routes.post("/api/admin/rollout/percentage", guarded(ctx -> {
            JsonNode body = body(ctx);
            Integer percentage = whole(body, "percentage");
            if (percentage == null) {
                throw ApiException.invalidRequest("percentage is required: a whole number from 0 to 100.");
            }
            service.setPercentage(actor(ctx), text(body, "reason"), version(body), percentage);
            show(ctx);
        }));
        config.routes.post("/api/admin/rollout/freeze", guarded(ctx -> {
            JsonNode body = body(ctx);
            service.freeze(actor(ctx), text(body, "reason"), version(body));
            show(ctx);
        }));
        config.routes.post("/api/admin/rollout/unfreeze", guarded(ctx -> {
            JsonNode body = body(ctx);
            service.unfreeze(actor(ctx), text(body, "reason"), version(body));
            show(ctx);
        }));
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!token.authorizes(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"docannotator-admin\"");
                throw ApiException.unauthorized("A valid admin token is required: send 'Authorization: Bearer <token>'.");
            }
            handler.handle(ctx);
        };
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
                throw ApiException.invalidRequest("history_limit must be a whole number from 1 to " + MAX_HISTORY + ".");
            }
        }
        ctx.contentType("application/json").result(Json.write(service.view(limit)));
    }

    /** The operator named by X-Operator, or "operator". */
    static String actor(Context ctx) {
        String header = ctx.header("X-Operator");
        if (header == null || header.isBlank()) {
            return DEFAULT_ACTOR;
        }
        String actor = header.strip();
        if (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidRequest("X-Operator must be a name of at most 64 printable characters.");
        }
        return actor;
    }

    private static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw ApiException.invalidRequest("The request body must be a JSON object with reason and version.");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.invalidRequest("The request body must be a JSON object with reason and version.");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidRequest(field + " must be a string.");
        }
        return node.asText();
    }

    private static Long version(JsonNode body) {
        JsonNode node = body.get("version");
        if (node == null || node.isNull()) {
            return null; // the service answers with the specific 400
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidRequest("version must be a whole number (the version you last read).");
        }
        return node.asLong();
    }

    private static Integer whole(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.invalidRequest(field + " must be a whole number.");
        }
        return node.asInt();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalidRequest(field + " must be true or false.");
        }
        return node.asBoolean();
    }
}
