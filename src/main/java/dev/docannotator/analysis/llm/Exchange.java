package dev.docannotator.analysis.llm;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * One request to the model that another thread may cancel at any moment: before the answer's headers (the JDK
 * aborts the exchange when its future is cancelled) or while it streams (closing the body closes the connection).
 */
final class Exchange {
    private CompletableFuture<?> pending;
    private InputStream body;
    private boolean cancelled;

    synchronized void started(CompletableFuture<?> future) {
        pending = future;
        if (cancelled) {
            future.cancel(true);
        }
    }

    /** Registers the streaming body; false when the exchange was cancelled meanwhile (the body is then closed). */
    synchronized boolean streaming(InputStream stream) {
        body = stream;
        if (cancelled) {
            closeQuietly(stream);
            return false;
        }
        return true;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Closes the connection to the model now. Idempotent. */
    void cancel() {
        CompletableFuture<?> future;
        InputStream stream;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            future = pending;
            stream = body;
        }
        if (future != null) {
            future.cancel(true);
        }
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (Exception ignored) {
            // the connection is being thrown away anyway
        }
    }
}
