package dev.docannotator.http;

import dev.docannotator.common.Json;
import dev.docannotator.workers.WorkerSettings;
import dev.docannotator.workers.WorkerSupervisor;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The operator API for the document workers under /api/admin/workers (same bearer token as the rollout's). I/O only
 * ({@link AdminGuard} checks the token): calls the {@link WorkerSupervisor}, answers with the workers as GET lists them. In-process mode
 * lists none and refuses the controls with 409.
 */
public final class WorkerRoutes implements RouteModule {
    private final WorkerSupervisor workers;

    /** {@code workers} is null when documents run in the server process; {@link AdminGuard} checks the token. */
    public WorkerRoutes(WorkerSupervisor workers) {
        this.workers = workers;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/admin/workers", this::show);
        config.routes.post("/api/admin/workers/start", ctx -> {
            controllable(ctx).startAll();
            show(ctx);
        });
        config.routes.post("/api/admin/workers/stop", ctx -> {
            controllable(ctx).stopAll();
            show(ctx);
        });
        config.routes.post("/api/admin/workers/restart", ctx -> {
            controllable(ctx).restartAll();
            show(ctx);
        });
        config.routes.post("/api/admin/workers/{id}/restart", ctx -> {
            if (!controllable(ctx).restart(ctx.pathParam("id"))) {
                throw ApiException.notFound(Requests.messages(ctx).get("admin.worker_not_found"));
            }
            show(ctx);
        });
    }

    private WorkerSupervisor controllable(Context ctx) {
        if (workers == null) {
            throw ApiException.conflict(Requests.messages(ctx).get("admin.workers_in_process"));
        }
        return workers;
    }

    private void show(Context ctx) {
        WorkerSupervisor.View view = workers != null ? workers.view()
                : new WorkerSupervisor.View(WorkerSettings.Isolation.NONE.mode(), List.of(), List.of());
        ctx.contentType("application/json").result(Json.write(view));
    }
}
