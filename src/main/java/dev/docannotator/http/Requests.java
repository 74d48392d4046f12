package dev.docannotator.http;

import dev.docannotator.common.Messages;
import io.javalin.http.Context;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Small helpers shared by the handlers: the caller's language and its texts, when the request arrived. */
final class Requests {
    private Requests() {
    }

    /** English unless Accept-Language prefers Chinese. */
    static Locale locale(Context ctx) {
        return Messages.fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    static Messages messages(Context ctx) {
        return new Messages("http", locale(ctx));
    }

    /**
     * When the request's first bytes arrived ({@link System#nanoTime()} scale), so that latency figures include
     * any wait for a request thread; now, when the server cannot tell.
     */
    static long arrivalNanos(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request != null ? request.getBeginNanoTime() : System.nanoTime();
    }
}
