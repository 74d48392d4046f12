package dev.docannotator.http;

import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Features;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, readiness, Prometheus metrics and the caller's feature decisions. */
public final class OpsRoutes implements RouteModule {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final FeatureDecider features;
    private final BooleanSupplier modelConfigured;

    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry registry, FeatureDecider features) {
        this(ready, registry, features, () -> false);
    }

    /** {@code modelConfigured} tells the page whether it may offer the "llm" and "both" analysers. */
    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry registry, FeatureDecider features,
                     BooleanSupplier modelConfigured) {
        this.ready = ready;
        this.registry = registry;
        this.features = features;
        this.modelConfigured = modelConfigured;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        config.routes.get("/ready", ctx -> {
            if (ready.getAsBoolean()) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.header("Retry-After", "10");
                ErrorMapping.write(ctx, 503, "server_busy", Requests.messages(ctx).get("ready.draining"));
            }
        });
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        config.routes.get("/api/features", ctx -> ctx.json(Map.of("features", Map.of(
                Features.PAUSABLE_STREAMING.name(),
                features.isEnabled(Features.PAUSABLE_STREAMING, Identity.of(ctx))))));
        // Separate from /api/features, whose body the contract fixes: what this server can do for the page.
        config.routes.get("/api/capabilities", ctx -> {
            boolean llm = modelConfigured.getAsBoolean();
            ctx.json(Map.of("llm", llm,
                    "analysers", llm ? List.of("rules", "llm", "both") : List.of("rules"),
                    "default_analyser", llm ? "both" : "rules"));
        });
    }
}
