package dev.docannotator.http;

import dev.docannotator.common.Json;
import dev.docannotator.common.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (requests rejected before they reach Javalin, e.g. an ambiguous or malformed URI,
 * or a bad HTTP message) in the API's JSON error shape instead of an HTML page.
 */
final class JettyJsonErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty answers before Javalin: the language comes straight from the request's header.
        Messages messages = new Messages("http", Messages.fromAcceptLanguage(request.getHeaders().get("Accept-Language")));
        response.write(true, ByteBuffer.wrap(body(code, messages)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status, new Messages("http", Messages.ENGLISH))); // no request to ask
    }

    private static byte[] body(int status, Messages messages) {
        String code;
        String message;
        switch (status) {
            case 404 -> {
                code = "not_found";
                message = messages.get("error.not_found");
            }
            case 413, 431 -> {
                code = "payload_too_large";
                message = messages.get("error.request_too_large");
            }
            case 503 -> {
                code = "server_busy";
                message = messages.get("error.busy");
            }
            default -> {
                boolean client = status >= 400 && status < 500;
                code = client ? "invalid_request" : "internal_error";
                message = messages.get(client ? "error.bad_http" : "error.internal");
            }
        }
        Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    }
}
