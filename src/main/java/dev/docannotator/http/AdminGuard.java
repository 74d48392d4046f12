package dev.docannotator.http;

import dev.docannotator.rollout.AdminToken;
import io.javalin.config.JavalinConfig;

/**
 * The one check of the operator's bearer token, before every route under /api/admin/ (rollout, workers, instances):
 * missing or wrong is a 401 with {@code WWW-Authenticate}, and no admin answer is ever cached. Register it with the
 * admin route modules; they check nothing themselves.
 */
public final class AdminGuard implements RouteModule {
    static final String PATHS = "/api/admin/*";

    private final AdminToken token;

    public AdminGuard(AdminToken token) {
        this.token = token;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(PATHS, ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!token.authorizes(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"docannotator-admin\"");
                throw ApiException.unauthorized(Requests.messages(ctx).get("admin.token_required"));
            }
        });
    }
}
