package dev.docannotator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;

/**
 * A minimal HTTP/1.0 client on plain sockets, one thread per request: what a browser on its own machine does,
 * without a shared client library's selector and executor competing for the benchmark's 2 cores. HTTP/1.0 makes
 * the server end the body by closing the connection, so an event stream is read line by line as it arrives.
 */
final class SocketClient {
    private final int port;

    SocketClient(int port) {
        this.port = port;
    }

    /** Posts {@code json} on a new thread and hands every line of the response body to {@code lines}. */
    void postStreaming(String path, String user, String json, EventStream lines) {
        Thread thread = new Thread(() -> {
            lines.threadStartedNanos = System.nanoTime();
            lines.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            try (Socket socket = open(path, user, json, lines);
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String status = in.readLine();
                lines.statusNanos = System.nanoTime();
                if (status == null || !status.contains(" 200")) {
                    throw new IOException("stream refused: " + status);
                }
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // headers are not needed
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.onNext(line);
                }
                lines.onComplete();
            } catch (IOException | RuntimeException e) {
                lines.onError(e);
            }
        }, "bench-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** Posts {@code json} on a new thread and hands the answer's status code (0: no answer) to {@code status}. */
    void postForStatus(String path, String user, String json, java.util.function.IntConsumer status) {
        Thread thread = new Thread(() -> {
            int code = 0;
            try (Socket socket = open(path, user, json, null)) {
                String line = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                String[] parts = line.split(" ", 3);
                code = parts.length > 1 && parts[1].matches("[0-9]{3}") ? Integer.parseInt(parts[1]) : 0;
            } catch (IOException e) {
                System.err.println("bench: POST " + path + " failed: " + e);
            }
            status.accept(code);
        }, "bench-post");
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects and sends the request; {@code timing} (may be null) gets when each was done. */
    private Socket open(String path, String user, String json, EventStream timing) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        if (timing != null) {
            timing.connectedNanos = System.nanoTime();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nX-User-Id: " + user
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        if (timing != null) {
            timing.requestSentNanos = System.nanoTime();
        }
        return socket;
    }
}
