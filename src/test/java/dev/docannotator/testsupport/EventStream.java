package dev.docannotator.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an SSE response on a background thread and parses it line by line exactly as the protocol says
 * ({@code retry:}, {@code id:}, {@code event:}, {@code data:}, comments). Events queue up for {@link #next};
 * {@link #ended()} turns true when the server closed the stream.
 */
public final class EventStream implements AutoCloseable {
    private static final SseEvent END = new SseEvent(-1, "<end>", "");

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseEvent> queue = new LinkedBlockingQueue<>();
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final Thread reader;
    private volatile boolean ended;

    EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    public int status() {
        return response.statusCode();
    }

    /** Every raw line received so far (for asserting the wire format). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    /** The next event, failing after {@code timeout}; null when the stream ended first. */
    public SseEvent next(Duration timeout) throws InterruptedException {
        SseEvent event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout + "; lines so far: " + lines());
        }
        if (event == END) {
            queue.add(END);
            return null;
        }
        return event;
    }

    public SseEvent next() throws InterruptedException {
        return next(Duration.ofSeconds(20));
    }

    /** Skips events until one of {@code type} arrives, returning it. */
    public SseEvent awaitType(String type) throws InterruptedException {
        while (true) {
            SseEvent event = next();
            if (event == null) {
                throw new AssertionError("The stream ended before a " + type + " event; lines: " + lines());
            }
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    /** Every remaining event until the server closes the stream. */
    public List<SseEvent> readToEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SseEvent> events = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("The stream did not end within " + timeout + "; got " + events);
            }
            SseEvent event = next(Duration.ofNanos(left));
            if (event == null) {
                return events;
            }
            events.add(event);
        }
    }

    public List<SseEvent> readToEnd() throws InterruptedException {
        return readToEnd(Duration.ofSeconds(60));
    }

    public boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long id = -1;
            String type = "message";
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (data != null) {
                        queue.add(new SseEvent(id, type, data.toString()));
                    }
                    type = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    if (line.equals(": hb")) {
                        heartbeats.incrementAndGet();
                    }
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server going away: the stream has ended either way
        } finally {
            ended = true;
            queue.add(END);
        }
    }

    /** Drops the connection, like a browser tab being closed. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
