package dev.docannotator.http;

import dev.docannotator.tasks.EventLog;
import dev.docannotator.tasks.Task;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.tasks.TaskMetrics;
import dev.docannotator.tasks.TaskService;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a task's event log on the request's thread and writes it as SSE: everything after the cursor, then
 * live events, with a heartbeat whenever the stream was silent for the heartbeat interval. It ends after a
 * terminal event that closed the log, or when the client goes away (a write fails).
 */
final class TaskStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(TaskStreamer.class);
    private static final long RETRY_MILLIS = 2000;

    private final TaskService tasks;
    private final TaskMetrics metrics;
    private final Duration heartbeat;

    TaskStreamer(TaskService tasks, TaskMetrics metrics, Duration heartbeat) {
        this.tasks = tasks;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
    }

    /**
     * Streams {@code task}'s events with seq greater than {@code cursor}; {@code startNanos} is the request's start.
     * {@code live} is false for a re-attach, whose replayed events say nothing about latency.
     */
    void stream(Context ctx, Task task, long cursor, long startNanos, boolean live) {
        boolean pausable = task.pausable();
        tasks.streamAttached(task);
        metrics.streamOpened(pausable);
        String outcome = "client_gone";
        boolean stable = true;
        boolean clientGone = false;
        try {
            SseWriter writer = SseWriter.open(ctx.res(), RETRY_MILLIS);
            outcome = follow(writer, task, cursor, startNanos, live);
        } catch (IOException e) {
            clientGone = true;
            stable = isClientClose(e);
            outcome = stable ? "client_gone" : "write_failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
            stable = false;
        } finally {
            tasks.streamDetached(task, clientGone);
            metrics.streamClosed(pausable, outcome, task.cancelRequestedNanos() != 0, stable);
        }
    }

    private String follow(SseWriter writer, Task task, long cursor, long startNanos, boolean live)
            throws IOException, InterruptedException {
        EventLog log = task.log();
        long heartbeatNanos = Math.max(1, heartbeat.toMillis()) * 1_000_000L;
        // Heartbeats go out on a fixed beat, busy or idle, so a client can rely on one at least every interval.
        long lastBeat = System.nanoTime();
        boolean first = true;
        while (true) {
            long waitMillis = (heartbeatNanos - (System.nanoTime() - lastBeat)) / 1_000_000;
            EventLog.Batch batch = waitMillis > 0 ? log.await(cursor, waitMillis) : log.after(cursor);
            if (System.nanoTime() - lastBeat >= heartbeatNanos) {
                writer.heartbeat();
                lastBeat = System.nanoTime();
            }
            if (batch.events().isEmpty()) {
                if (batch.closed()) {
                    return "closed";
                }
                continue;
            }
            writer.events(batch.events());
            long written = System.nanoTime();
            for (int i = 0; i < batch.events().size(); i++) {
                TaskEvent event = batch.events().get(i);
                cursor = event.seq();
                if (first && live) {
                    first = false;
                    metrics.timeToFirstEvent(task.pausable(), Duration.ofNanos(written - startNanos));
                }
                if (live && TaskEvent.CANCELLED.equals(event.type()) && task.cancelRequestedNanos() != 0) {
                    metrics.cancelToStreamTold(task.pausable(),
                            Duration.ofNanos(Math.max(0, written - task.cancelRequestedNanos())));
                }
                // A terminal event ends the stream unless a resume already continued the log after it.
                if (event.terminal() && i == batch.events().size() - 1 && batch.closed()) {
                    return event.type();
                }
            }
        }
    }

    private static boolean isClientClose(IOException e) {
        String name = e.getClass().getSimpleName();
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        boolean timeout = message.contains("timeout") || e instanceof java.io.InterruptedIOException;
        if (timeout) {
            LOG.debug("Stream write timed out", e);
        }
        return !timeout || name.contains("Eof");
    }
}
