package dev.docannotator.http;

import dev.docannotator.common.Json;
import dev.docannotator.rollout.AdminToken;
import dev.docannotator.storage.postgres.InstanceRegistry.InstanceView;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/admin/instances} (admin bearer token): the instances serving this database, each with its host,
 * start, last heartbeat, running tasks and whether it is alive. One instance on SQLite lists itself.
 */
public final class InstanceRoutes implements RouteModule {

    private final Supplier<List<InstanceView>> instances;
    private final AdminToken token;

    public InstanceRoutes(Supplier<List<InstanceView>> instances, AdminToken token) {
        this.instances = instances;
        this.token = token;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/instances", ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!token.authorizes(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"docannotator-admin\"");
                throw ApiException.unauthorized(Requests.messages(ctx).get("admin.token_required"));
            }
            ctx.contentType("application/json").result(Json.write(Map.of("instances", instances.get())));
        });
    }
}
