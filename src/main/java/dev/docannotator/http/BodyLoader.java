package dev.docannotator.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Receives request bodies before a request thread is given to the request. Javalin reads bodies with blocking I/O
 * and Java 17 has no virtual threads, so a client trickling its body would hold a pool thread for as long as it
 * likes; a thousand of them starved {@code /health}. Here the body arrives asynchronously (no thread while waiting
 * for bytes): a multipart form is parsed by Jetty straight into its parts (files under the uploads directory),
 * which the servlet layer then hands to {@link Uploads}; any other body is buffered up to the JSON limit. Only then
 * is the request dispatched. A body slower than {@link RequestLimits#minBodyBytesPerSec()} on average, once past its
 * grace period, is refused with 408 and its connection closed; a silent one ends at the connector's idle timeout.
 * A declared length over the limit is dispatched at once so that the handler refuses it without reading it.
 */
final class BodyLoader extends Handler.Wrapper {
    private final RequestLimits limits;
    private final MultiPartConfig multipart;
    private final int maxBufferedBytes;

    /** {@code multipart} bounds and places uploaded forms; other bodies are held in memory up to {@code maxBufferedBytes}. */
    BodyLoader(RequestLimits limits, MultiPartConfig multipart, int maxBufferedBytes) {
        this.limits = limits;
        this.multipart = multipart;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        if (declared > (form ? multipart.getMaxSize() : maxBufferedBytes)) {
            return super.handle(request, response, callback);
        }
        PacedRequest paced = new PacedRequest(request, limits);
        HandleThread here = new HandleThread();
        if (form) {
            MultiPartFormData.onParts(paced, paced, contentType, multipart, new Promise.Invocable<>() {
                @Override
                public void succeeded(MultiPartFormData.Parts parts) {
                    dispatch(paced, response, callback, here);
                }

                @Override
                public void failed(Throwable failure) {
                    // Too slow: refused here. Malformed or too large: the handler says so in the user's language.
                    if (paced.tooSlow()) {
                        tooSlow(request, response, callback);
                    } else {
                        dispatch(paced, response, callback, here);
                    }
                }

                @Override
                public InvocationType getInvocationType() {
                    return InvocationType.NON_BLOCKING;
                }
            });
        } else {
            new Buffering(paced, response, callback, here).run();
        }
        here.leave();
        return true;
    }

    /**
     * Hands the request to Javalin: the body is here, so the handler will not wait for the client. A body that was
     * already complete when {@link #handle} read it (a small JSON body arrives with its headers) is handled right on
     * that thread, which Jetty gave to this request and which may block; one that arrived later, on a pool thread.
     * Going through the pool's queue every time put each request of a burst behind every other request's first half
     * (BENCHMARKS.md, "Time to first event: a burst handled request by request").
     */
    private void dispatch(Request request, Response response, Callback callback, HandleThread here) {
        Runnable handling = () -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        };
        if (here.isCurrent()) {
            handling.run();
        } else {
            request.getContext().execute(handling);
        }
    }

    /** The thread in {@link #handle}, while it is there: a body complete by then is handled on it. */
    private static final class HandleThread {
        private final Thread thread = Thread.currentThread();
        private volatile boolean inHandle = true;

        boolean isCurrent() {
            return inHandle && Thread.currentThread() == thread;
        }

        void leave() {
            inHandle = false;
        }
    }

    private static void tooSlow(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Response.writeError(request, response, callback, 408, JettyJsonErrors.TOO_SLOW);
    }

    /** Reads a non-form body into memory as it arrives, then dispatches with the body replayed from memory. */
    private final class Buffering implements Invocable.Task {
        private final PacedRequest request;
        private final Response response;
        private final Callback callback;
        private final HandleThread here;
        private byte[] bytes = new byte[1024];
        private int size;

        Buffering(PacedRequest request, Response response, Callback callback, HandleThread here) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.here = here;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // Too slow, idle timeout or a broken connection: nobody is waiting for a useful answer.
                    chunk.release();
                    tooSlow(request, response, callback);
                    return;
                }
                append(chunk.getByteBuffer());
                boolean last = chunk.isLast();
                chunk.release();
                if (last || size >= maxBufferedBytes) {
                    dispatch(new Replayed(request, Arrays.copyOf(bytes, size), last), response, callback, here);
                    return;
                }
            }
        }

        private void append(ByteBuffer buffer) {
            int n = buffer.remaining();
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
            buffer.get(bytes, size, n);
            size += n;
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING; // copies bytes only; the dispatch goes to a pool thread
        }
    }

    /** The request with the body received so far served first, then (if it was not all) the rest as it arrives. */
    private static final class Replayed extends Request.Wrapper {
        private Content.Chunk buffered;
        private final boolean complete;

        Replayed(Request request, byte[] body, boolean complete) {
            super(request);
            this.buffered = Content.Chunk.from(ByteBuffer.wrap(body), complete);
            this.complete = complete;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk first = buffered;
            if (first != null) {
                buffered = null;
                return first;
            }
            return complete ? Content.Chunk.EOF : super.read();
        }
    }

    /**
     * Counts the body's bytes as they are read, and fails the read once the body's average rate is below the
     * minimum after the grace period (the failure is what the loader or the handler then sees).
     */
    static final class PacedRequest extends Request.Wrapper {
        private final long started = System.nanoTime();
        private final long minBytesPerSec;
        private final long graceNanos;
        private long received;
        private volatile boolean tooSlow;

        PacedRequest(Request request, RequestLimits limits) {
            super(request);
            this.minBytesPerSec = limits.minBodyBytesPerSec();
            this.graceNanos = limits.bodyRateGrace().toNanos();
        }

        boolean tooSlow() {
            return tooSlow;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && !Content.Chunk.isFailure(chunk)) {
                received += chunk.remaining();
                if (chunk.isLast()) {
                    return chunk;
                }
            }
            long elapsed = System.nanoTime() - started;
            if (minBytesPerSec > 0 && graceNanos > 0 && elapsed > graceNanos
                    && received * 1_000_000_000L / elapsed < minBytesPerSec) {
                if (chunk != null) {
                    chunk.release();
                }
                tooSlow = true;
                return Content.Chunk.from(new TimeoutException("request body below " + minBytesPerSec + " B/s"), true);
            }
            return chunk;
        }
    }
}
