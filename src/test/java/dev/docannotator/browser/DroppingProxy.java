package dev.docannotator.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the server that can cut every open connection at once, the way a flaky network
 * drops a stream. It also keeps the request lines the browser sent, so a test can see how it re-attached.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    DroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** Closes every connection open right now; new ones are accepted as before. */
    void dropAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The HTTP request lines seen so far ("GET /path HTTP/1.1"), with the Last-Event-ID and Accept-Language headers. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromBrowser) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (fromBrowser) {
                        noteRequestLines(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a dropped or finished connection: close both sides below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "dropping-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void noteRequestLines(String chunk) {
        for (String line : chunk.split("\r\n")) {
            if (line.matches("(GET|POST) /\\S* HTTP/1\\.1") || line.regionMatches(true, 0, "Last-Event-ID:", 0, 14)
                    || line.regionMatches(true, 0, "Accept-Language:", 0, 16)) {
                requestLines.add(line);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        dropAll();
    }
}
