package dev.docannotator.http;

import dev.docannotator.storage.TaskEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes {@code text/event-stream} straight to the servlet response, whatever the request's Accept header said
 * and outside Javalin's compression (which could hold events back). Every write is flushed (a batch of events is one
 * write); one lock per client
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

    /** Up to this many bytes of events go out in one write and one flush (a stream catching up, a replay). */
    static final int BATCH_BYTES = 64 * 1024;

    /**
     * Writes {@code events} in order with one flush per {@link #BATCH_BYTES}, not one per event: a client that is
     * behind by hundreds of events (a task that outran it) gets them in a few writes, and what follows them (a
     * {@code cancelled}, say) sooner.
     */
    void events(List<TaskEvent> events) throws IOException {
        StringBuilder batch = new StringBuilder();
        for (TaskEvent event : events) {
            batch.append(frame(event));
            if (batch.length() >= BATCH_BYTES) {
                write(batch.toString());
                batch.setLength(0);
            }
        }
        if (!batch.isEmpty()) {
            write(batch.toString());
        }
    }

    private static String frame(TaskEvent event) {
        return "id: " + event.seq() + "\nevent: " + event.type() + "\ndata: " + event.data() + "\n\n";
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
