package dev.docannotator.http;

import io.javalin.config.JavalinConfig;

/**
 * A feature's HTTP routes, plugged into the one Javalin instance by the composition root
 * (Javalin 7 declares routes up front, in the config). Errors thrown as {@link ApiException}
 * are mapped to the JSON error body for every module alike.
 */
@FunctionalInterface
public interface RouteModule {
    void register(JavalinConfig config);
}
