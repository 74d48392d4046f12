package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body that is complete when the body loader first reads it (a small JSON body sent with its headers) is handled
 * on the thread Jetty gave the request, inside the loader's own call, not queued to the pool a second time: in a
 * burst, that second trip put every request behind every other request's first half. A body that is still on its
 * way is handled once it is here, as before.
 */
class BodyLoaderDispatchTest {
    /** Set on the thread while the body loader's {@code handle} runs on it. */
    private static final ThreadLocal<Boolean> IN_LOADER = ThreadLocal.withInitial(() -> false);

    @TempDir
    Path dir;

    private Server server;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        Handler app = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                seen.set((IN_LOADER.get() ? "inline " : "queued ") + body);
                response.setStatus(200);
                Content.Sink.write(response, true, "ok", callback);
                return true;
            }
        };
        MultiPartConfig forms = new MultiPartConfig.Builder().location(dir).maxSize(1 << 20).build();
        BodyLoader loader = new BodyLoader(RequestLimits.defaults(), forms, 64 * 1024);
        loader.setHandler(app);
        server.setHandler(new Handler.Wrapper(loader) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                IN_LOADER.set(true);
                try {
                    return super.handle(request, response, callback);
                } finally {
                    IN_LOADER.set(false);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aBodySentWithItsHeadersIsHandledOnTheRequestsOwnThread() throws Exception {
        String status = post("{\"message\":\"\"}", false);

        assertThat(status).contains(" 200");
        assertThat(seen.get()).isEqualTo("inline {\"message\":\"\"}");
    }

    @Test
    void aBodyStillOnItsWayIsHandledOnceItArrived() throws Exception {
        String status = post("{\"message\":\"later\"}", true);

        assertThat(status).contains(" 200");
        assertThat(seen.get()).isEqualTo("queued {\"message\":\"later\"}");
    }

    /** POSTs {@code json}: in the headers' packet, or {@code late}, 300 ms after them. Returns the status line. */
    private String post(String json, boolean late) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            if (late) {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                out.write(body);
            } else {
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                whole.write(head.getBytes(StandardCharsets.US_ASCII));
                whole.write(body);
                out.write(whole.toByteArray());
            }
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("");
        }
    }
}
