package dev.docannotator.http;

import dev.docannotator.common.Messages;
import io.javalin.http.Context;
import java.util.Locale;

/** Small helpers shared by the handlers: the caller's language and its texts. */
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
}
