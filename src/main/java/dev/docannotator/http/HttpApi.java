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
import java.time.Duration;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the Javalin server: JSON mapper, body limits, identity, error mapping and every route module. */
public final class HttpApi {
    private static final Set<String> ANONYMOUS = Set.of("/health", "/ready", "/metrics", "/openapi.json");

    private final Settings settings;
    private final TaskService tasks;
    private final TaskMetrics metrics;
    private final PrometheusMeterRegistry registry;
    private final FeatureDecider features;
    private final BooleanSupplier ready;
    private final ClassLoader pages;
    private final RequestLimits limits;
    private final BooleanSupplier stopping;

    /**
     * {@code pages} is where the browser pages are looked up under {@code web/}; {@code stopping} tells a 503 from
     * /ready while draining from one while still starting.
     */
    public HttpApi(Settings settings, TaskService tasks, TaskMetrics metrics, PrometheusMeterRegistry registry,
                   FeatureDecider features, BooleanSupplier ready, ClassLoader pages, RequestLimits limits,
                   BooleanSupplier stopping) {
        this.stopping = stopping;
        this.settings = settings;
        this.tasks = tasks;
        this.metrics = metrics;
        this.registry = registry;
        this.features = features;
        this.ready = ready;
        this.pages = pages;
        this.limits = limits;
    }

    /** The configured (not yet started) server; {@code extra} modules are registered before the static pages. */
    public Javalin create(List<RouteModule> extra) {
        Identity identity = new Identity();
        OriginCheck origins = new OriginCheck();
        TaskStreamer streamer = new TaskStreamer(tasks, metrics, settings.heartbeat());
        List<RouteModule> modules = new java.util.ArrayList<>();
        modules.add(new OpsRoutes(ready, registry, features, tasks::modelConfigured, stopping));
        StreamLimiter streams = new StreamLimiter(settings.maxStreamsPerUser(), registry);
        modules.add(new TaskRoutes(tasks, streamer, streams, settings.maxUploadBytes()));
        modules.addAll(extra);
        modules.add(new StaticPages(pages));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = settings.maxJsonBytes();
            // Each open stream holds one request thread while it follows its task; bodies hold none (BodyLoader).
            QueuedThreadPool pool = requestThreads(limits);
            if (VirtualThreads.areSupported()) {
                // On Java 21+ each request (an open event stream blocks its request) gets a virtual thread,
                // so idle streams cost heap, not platform threads; on Java 17 the pool above bounds them.
                pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-v"));
            }
            config.jetty.threadPool = pool;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyJsonErrors());
                server.insertHandler(new BodyLoader(limits, uploadForms(), Math.toIntExact(settings.maxJsonBytes())));
                server.insertHandler(new NoMethodOverride());
                long idleMillis = idleTimeout().toMillis();
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        // Javalin adds its connector just before starting the server.
                        for (Connector connector : server.getConnectors()) {
                            tune(connector, idleMillis);
                        }
                    }
                });
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

    /**
     * Connections the kernel holds until Jetty accepts them (capped by net.core.somaxconn). Jetty's default leaves it
     * to Java, which asks for 50: 100 streams opened at once overflowed it, and a refused SYN is sent again after 1 s
     * (the load run's client-side connect p95 was 1 014 ms on a loaded machine).
     */
    static final int ACCEPT_QUEUE = 1024;

    /** The connector's idle timeout and accept queue. */
    static void tune(Connector connector, long idleMillis) {
        if (connector instanceof AbstractConnector c) {
            c.setIdleTimeout(idleMillis);
        }
        if (connector instanceof ServerConnector c) {
            c.setAcceptQueueSize(ACCEPT_QUEUE);
        }
    }

    /** The request thread pool: up to the limit, {@link RequestLimits#standingThreads} of them started with the server. */
    static QueuedThreadPool requestThreads(RequestLimits limits) {
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(),
                Math.min(limits.standingThreads(), limits.maxThreads()), 60_000);
        pool.setName("http");
        return pool;
    }

    /** The idle timeout, never so short that an open stream's heartbeat could not keep its connection. */
    private Duration idleTimeout() {
        Duration twoHeartbeats = settings.heartbeat().multipliedBy(2);
        return limits.idleTimeout().compareTo(twoHeartbeats) >= 0 ? limits.idleTimeout() : twoHeartbeats;
    }

    /** Upload forms: the file part straight to the uploads directory, the limits {@link Uploads} enforces. */
    private MultiPartConfig uploadForms() {
        long maxUpload = settings.maxUploadBytes();
        return new MultiPartConfig.Builder().location(tasks.documents().files().uploads())
                .maxSize(maxUpload + Uploads.FORM_OVERHEAD).maxPartSize(maxUpload).maxMemoryPartSize(64 * 1024)
                .maxParts(100).useFilesForPartsWithoutFileName(true).build();
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
