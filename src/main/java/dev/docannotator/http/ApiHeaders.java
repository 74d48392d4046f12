package dev.docannotator.http;

import io.javalin.http.Context;

/**
 * Headers on every API response (JSON, event streams, downloads) and the operations endpoints: never sniffed into
 * another type, never stored by a cache (they are one user's data), and, should a browser render one anyway (an
 * HTML result opened inline, a JSON error), nothing in it may run, load or be framed.
 */
final class ApiHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'; sandbox";

    private ApiHeaders() {
    }

    static boolean applies(String path) {
        return path.startsWith("/api/") || path.equals("/health") || path.equals("/ready") || path.equals("/metrics");
    }

    static void set(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
