package dev.docannotator.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery: a browser attaches the {@code uid} cookie to requests any other site makes it send,
 * so a state-changing request that identifies by cookie (no {@code X-User-Id}, which another site cannot set) is
 * refused with 403 when it comes from another site: {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that
 * is not this server's. Clients that send neither header (curl, the CLI) are not browsers and pass.
 */
final class OriginCheck {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Throws 403 {@code forbidden} for a cross-site state-changing request that identifies by cookie. */
    void check(Context ctx) {
        // The method on the wire: X-HTTP-Method-Override is stripped before Javalin sees the request.
        if (SAFE_METHODS.contains(ctx.req().getMethod()) || ctx.header(Identity.HEADER) != null) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if ("cross-site".equalsIgnoreCase(site) || (origin != null && !isOwn(origin, ctx))) {
            throw ApiException.forbidden(Requests.messages(ctx).get("origin.cross_site"));
        }
    }

    /**
     * Whether {@code origin} is the origin the request was addressed to: same scheme, host and port as the Host
     * header (or X-Forwarded-Host / X-Forwarded-Proto behind a proxy; a cross-site form cannot set those).
     */
    static boolean isOwn(String origin, Context ctx) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false; // includes "null", sent by sandboxed frames and privacy-sensitive redirects
        }
        String forwardedProto = first(ctx.header("X-Forwarded-Proto"));
        String forwardedHost = first(ctx.header("X-Forwarded-Host"));
        String scheme = forwardedProto != null ? forwardedProto : ctx.scheme();
        String host = forwardedHost != null ? forwardedHost : ctx.header("Host");
        if (uri.getScheme() == null || uri.getHost() == null || host == null || scheme == null) {
            return false;
        }
        URI own;
        try {
            own = URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return uri.getScheme().equalsIgnoreCase(own.getScheme())
                && uri.getHost().equalsIgnoreCase(own.getHost())
                && port(uri) == port(own);
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
