package dev.docannotator.http;

import dev.docannotator.storage.TaskEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes {@code text/event-stream} straight to the servlet response, whatever the request's Accept header said
 * and outside Javalin's compression (which could hold events back). Every write is flushed; one lock per client
 * keeps concurrent writers (events, heartbeats) from interleaving.
 */
final class SseWriter {
    private final ReentrantLock lock = new ReentrantLock();
    private final OutputStream out;

    private SseWriter(OutputStream out) {
        this.out = out;
    }

    /** Commits the response headers and the {@code retry} line. */
    static SseWriter open(HttpServletResponse res, long retryMillis) throws IOException {
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        SseWriter writer = new SseWriter(res.getOutputStream());
        writer.write("retry: " + retryMillis + "\n\n");
        return writer;
    }

    void event(TaskEvent event) throws IOException {
        write("id: " + event.seq() + "\nevent: " + event.type() + "\ndata: " + event.data() + "\n\n");
    }

    void heartbeat() throws IOException {
        write(": hb\n\n");
    }

    private void write(String text) throws IOException {
        lock.lock();
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } finally {
            lock.unlock();
        }
    }
}
