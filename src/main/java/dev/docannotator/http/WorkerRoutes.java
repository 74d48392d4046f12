package dev.docannotator.http;

import dev.docannotator.common.Json;
import dev.docannotator.rollout.AdminToken;
import dev.docannotator.workers.WorkerSettings;
import dev.docannotator.workers.WorkerSupervisor;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * The operator API for the document workers under /api/admin/workers (same bearer token as the rollout's). I/O only:
 * checks the token, calls the {@link WorkerSupervisor}, answers with the workers as GET lists them. In-process mode
 * lists none and refuses the controls with 409.
 */
public final class WorkerRoutes implements RouteModule {
    private final WorkerSupervisor workers;
    private final AdminToken token;

    /** {@code workers} is null when documents run in the server process. */
    public WorkerRoutes(WorkerSupervisor workers, AdminToken token) {
        this.workers = workers;
        this.token = token;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/workers", guarded(this::show));
        config.routes.post("/api/admin/workers/start", guarded(ctx -> {
            controllable(ctx).startAll();
            show(ctx);
        }));
        config.routes.post("/api/admin/workers/stop", guarded(ctx -> {
            controllable(ctx).stopAll();
            show(ctx);
        }));
        config.routes.post("/api/admin/workers/restart", guarded(ctx -> {
            controllable(ctx).restartAll();
            show(ctx);
        }));
        config.routes.post("/api/admin/workers/{id}/restart", guarded(ctx -> {
            if (!controllable(ctx).restart(ctx.pathParam("id"))) {
                throw ApiException.notFound(Requests.messages(ctx).get("admin.worker_not_found"));
            }
            show(ctx);
        }));
    }

    private WorkerSupervisor controllable(Context ctx) {
        if (workers == null) {
            throw ApiException.conflict(Requests.messages(ctx).get("admin.workers_in_process"));
        }
        return workers;
    }

    private void show(Context ctx) {
        WorkerSupervisor.View view = workers != null ? workers.view()
                : new WorkerSupervisor.View(WorkerSettings.Isolation.NONE.mode(), List.of());
        ctx.contentType("application/json").result(Json.write(view));
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!token.authorizes(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"docannotator-admin\"");
                throw ApiException.unauthorized(Requests.messages(ctx).get("admin.token_required"));
            }
            handler.handle(ctx);
        };
    }
}
