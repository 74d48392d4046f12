package dev.docannotator.http;

import dev.docannotator.common.Json;
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

    /** The route; {@link AdminGuard} checks the token before it. */
    public InstanceRoutes(Supplier<List<InstanceView>> instances) {
        this.instances = instances;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/instances", ctx -> {
            ctx.contentType("application/json").result(Json.write(Map.of("instances", instances.get())));
        });
    }
}
