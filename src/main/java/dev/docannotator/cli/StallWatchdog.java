package dev.docannotator.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream that has gone silent for too long, so a blocked read fails and the caller re-attaches.
 * HttpClient has no read timeout for a response body; the server's heartbeats make silence a reliable sign.
 */
final class StallWatchdog implements AutoCloseable {
    private final InputStream source;
    private final ScheduledExecutorService timer;
    private volatile long lastRead = System.nanoTime();

    StallWatchdog(InputStream source, Duration limit) {
        this.source = source;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sse-stall-watchdog");
            t.setDaemon(true);
            return t;
        });
        long limitNanos = limit.toNanos();
        timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead > limitNanos) {
                try {
                    source.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    InputStream stream() {
        return new FilterInputStream(source) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                lastRead = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                lastRead = System.nanoTime();
                return n;
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
