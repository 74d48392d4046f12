package dev.docannotator.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Removes {@code X-HTTP-Method-Override} before Javalin sees a request: Javalin routes by that header when present
 * ({@code Context.method()}), so a GET (which a cross-site link or image can make a browser send, cookie included)
 * could otherwise run a POST route such as cancel. The method on the wire is the only method.
 */
final class NoMethodOverride extends Handler.Wrapper {
    static final String HEADER = "X-HTTP-Method-Override";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (!headers.contains(HEADER)) {
            return super.handle(request, response, callback);
        }
        HttpFields stripped = HttpFields.build(headers).remove(HEADER).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return stripped;
            }
        }, response, callback);
    }
}
