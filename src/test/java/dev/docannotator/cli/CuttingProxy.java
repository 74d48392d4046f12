package dev.docannotator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of the test server that cuts the first event stream passing through it
 * a few hundred bytes after its headers, as a flaky network would.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final int bytesBeforeCut;
    private final AtomicBoolean cutDone = new AtomicBoolean();
    final AtomicInteger connections = new AtomicInteger();

    CuttingProxy(int targetPort, int bytesBeforeCut) throws IOException {
        this.targetPort = targetPort;
        this.bytesBeforeCut = bytesBeforeCut;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean cut() {
        return cutDone.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pipe(client, server, false);
                pipe(server, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean mayCut) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[256];
            String seen = "";
            long afterHeaders = -1;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (mayCut && !cutDone.get()) {
                        if (afterHeaders < 0) {
                            seen = (seen + new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                            seen = seen.substring(Math.max(0, seen.length() - 4096));
                            if (seen.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/event-stream")) {
                                afterHeaders = 0;
                            }
                        } else {
                            afterHeaders += n;
                            if (afterHeaders >= bytesBeforeCut && cutDone.compareAndSet(false, true)) {
                                from.close();
                                to.close();
                                return;
                            }
                        }
                    }
                }
            } catch (IOException closed) {
                // either side went away: close both
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "cutting-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
