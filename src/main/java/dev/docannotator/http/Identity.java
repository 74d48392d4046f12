package dev.docannotator.http;

import dev.docannotator.common.Messages;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Who is calling: the {@code X-User-Id} header when present (it wins), else the {@code uid} cookie, which is set
 * (128 random bits, base64url, HttpOnly, SameSite=Lax, Path=/) when the request has none.
 */
public final class Identity {
    static final String HEADER = "X-User-Id";
    static final String COOKIE = "uid";
    private static final String ATTRIBUTE = "docannotator.user";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final SecureRandom random = new SecureRandom();

    /** Resolves the caller and remembers it on the request; a malformed header is a 400. */
    void resolve(Context ctx) {
        String header = ctx.header(HEADER);
        if (header != null) {
            if (!VALID.matcher(header).matches()) {
                throw ApiException.invalidRequest(new Messages("http", Requests.locale(ctx)).get("identity.malformed"));
            }
            ctx.attribute(ATTRIBUTE, header);
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && VALID.matcher(cookie).matches()) {
            ctx.attribute(ATTRIBUTE, cookie);
            return;
        }
        String fresh = newId();
        // Kept for a year, so a browser restart does not lose the user's tasks (they live for the retention period).
        Cookie uid = new Cookie(COOKIE, fresh, "/", COOKIE_MAX_AGE_SECONDS, false, true, null, SameSite.LAX);
        uid.setPath("/");
        uid.setHttpOnly(true);
        uid.setSameSite(SameSite.LAX);
        ctx.cookie(uid);
        ctx.attribute(ATTRIBUTE, fresh);
    }

    static final int COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

    /** The caller's identity (resolved by the before-handler). */
    public static String of(Context ctx) {
        String user = ctx.attribute(ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("Identity was not resolved for " + ctx.path());
        }
        return user;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
