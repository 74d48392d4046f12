package dev.docannotator.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser pages shipped in the jar under classpath {@code web/}: {@code /} is index.html, {@code /admin} is
 * admin.html, and other files are served at the root path. A missing file is a JSON 404, never a crash.
 * Registered last, so that every API route wins over the catch-all.
 */
public final class StaticPages implements RouteModule {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final ClassLoader loader;

    public StaticPages(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> serve(ctx, "index.html"));
        config.routes.get("/admin", ctx -> serve(ctx, "admin.html"));
        config.routes.get("/<path>", ctx -> serve(ctx, ctx.pathParam("path")));
    }

    private static boolean isDirectory(java.net.URL url) {
        try {
            return "file".equals(url.getProtocol()) && java.nio.file.Files.isDirectory(java.nio.file.Path.of(url.toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return true;
        }
    }

    private static InputStream open(java.net.URL url) {
        try {
            return url.openStream();
        } catch (java.io.IOException e) {
            return null; // a directory inside a jar cannot be opened: treated as missing
        }
    }

    private void serve(Context ctx, String path) {
        // Only plain relative names: no "..", no leading dot, no backslashes, nothing outside web/.
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw ApiException.notFound(Requests.messages(ctx).get("error.not_found"));
        }
        java.net.URL url = loader.getResource("web/" + path);
        InputStream in = url == null || isDirectory(url) ? null : open(url);
        if (in == null) {
            throw ApiException.notFound(Requests.messages(ctx).get("error.not_found"));
        }
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        if ("html".equals(ext)) {
            // The pages use no inline script or style: a strict policy makes any injected markup inert.
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("Referrer-Policy", "no-referrer");
        }
        ctx.result(in);
    }
}
