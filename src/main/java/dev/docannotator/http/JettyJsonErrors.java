package dev.docannotator.http;

import dev.docannotator.common.Json;
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
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        String code;
        String message;
        switch (status) {
            case 404 -> {
                code = "not_found";
                message = "There is nothing at this address.";
            }
            case 413, 431 -> {
                code = "payload_too_large";
                message = "The request is larger than this server accepts.";
            }
            case 503 -> {
                code = "server_busy";
                message = "The server is busy; try again shortly.";
            }
            default -> {
                boolean client = status >= 400 && status < 500;
                code = client ? "invalid_request" : "internal_error";
                message = client ? "The request is not valid HTTP or has an invalid address."
                        : "Something went wrong on the server; the problem was logged.";
            }
        }
        Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    }
}
