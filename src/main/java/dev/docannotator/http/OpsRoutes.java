package dev.docannotator.http;

import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Features;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, readiness, Prometheus metrics, the OpenAPI description and the caller's feature decisions. */
public final class OpsRoutes implements RouteModule {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final FeatureDecider features;
    private final BooleanSupplier modelConfigured;
    private final BooleanSupplier stopping;

    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry registry, FeatureDecider features) {
        this(ready, registry, features, () -> false, () -> false);
    }

    /**
     * {@code modelConfigured} tells the page whether it may offer the "llm" and "both" analysers; {@code stopping}
     * tells a 503 from /ready while draining from one while starting or while the disk or database is unavailable.
     */
    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry registry, FeatureDecider features,
                     BooleanSupplier modelConfigured, BooleanSupplier stopping) {
        this.ready = ready;
        this.registry = registry;
        this.features = features;
        this.modelConfigured = modelConfigured;
        this.stopping = stopping;
    }

    /** The checked-in OpenAPI description (kept equal to the registered routes by a test). */
    static final String OPENAPI_RESOURCE = "openapi.json";

    @Override
    public void register(JavalinConfig config) {
        byte[] openApi = openApi();
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        config.routes.get("/ready", ctx -> {
            if (ready.getAsBoolean()) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.header("Retry-After", "10");
                ErrorMapping.write(ctx, 503, "server_busy",
                        Requests.messages(ctx).get(stopping.getAsBoolean() ? "ready.draining" : "ready.unavailable"));
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

    private static byte[] openApi() {
        try (InputStream in = OpsRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
