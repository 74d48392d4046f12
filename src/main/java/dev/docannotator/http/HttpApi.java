package dev.docannotator.http;

import dev.docannotator.Settings;
import dev.docannotator.common.Json;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.tasks.TaskMetrics;
import dev.docannotator.tasks.TaskService;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the Javalin server: JSON mapper, body limits, identity, error mapping and every route module. */
public final class HttpApi {
    /** Each open stream holds one request thread while it follows its task. */
    private static final int MAX_THREADS = 1000;
    private static final Set<String> ANONYMOUS = Set.of("/health", "/ready", "/metrics", "/openapi.json");

    private final Settings settings;
    private final TaskService tasks;
    private final TaskMetrics metrics;
    private final PrometheusMeterRegistry registry;
    private final FeatureDecider features;
    private final BooleanSupplier ready;
    private final ClassLoader pages;

    /** {@code pages} is where the browser pages are looked up under {@code web/}. */
    public HttpApi(Settings settings, TaskService tasks, TaskMetrics metrics, PrometheusMeterRegistry registry,
                   FeatureDecider features, BooleanSupplier ready, ClassLoader pages) {
        this.settings = settings;
        this.tasks = tasks;
        this.metrics = metrics;
        this.registry = registry;
        this.features = features;
        this.ready = ready;
        this.pages = pages;
    }

    /** The configured (not yet started) server; {@code extra} modules are registered before the static pages. */
    public Javalin create(List<RouteModule> extra) {
        Identity identity = new Identity();
        OriginCheck origins = new OriginCheck();
        TaskStreamer streamer = new TaskStreamer(tasks, metrics, settings.heartbeat());
        List<RouteModule> modules = new java.util.ArrayList<>();
        modules.add(new OpsRoutes(ready, registry, features));
        StreamLimiter streams = new StreamLimiter(settings.maxStreamsPerUser(), registry);
        modules.add(new TaskRoutes(tasks, streamer, streams, settings.maxUploadBytes()));
        modules.addAll(extra);
        modules.add(new StaticPages(pages));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = settings.maxJsonBytes();
            QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
            pool.setName("http");
            if (VirtualThreads.areSupported()) {
                // On Java 21+ each request (an open event stream blocks its request) gets a virtual thread,
                // so idle streams cost heap, not platform threads; on Java 17 the pool above bounds them.
                pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-v"));
            }
            config.jetty.threadPool = pool;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyJsonErrors());
                server.insertHandler(new NoMethodOverride());
            });
            // Jetty's per-connection header cache is a ~96 KB table made on a connection's second request; an
            // event stream holds its connection for minutes, so with thousands open it was ~1/3 of the heap.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            config.routes.before(ctx -> {
                if (ApiHeaders.applies(ctx.path())) {
                    ApiHeaders.set(ctx);
                }
                origins.check(ctx); // before the identity, so that a refused request gets no cookie
                if (!ANONYMOUS.contains(ctx.path())) {
                    identity.resolve(ctx);
                }
            });
            ErrorMapping.register(config);
            for (RouteModule module : modules) {
                module.register(config);
            }
        });
    }

    /** One registered route: its method and its path in Javalin's syntax ({@code {id}}, {@code <path>}). */
    public record Route(String method, String path) {
    }

    /** Every HTTP route {@code javalin} serves (before-handlers and error mappings are not routes). */
    public static List<Route> routes(Javalin javalin) {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .toList();
    }
}
