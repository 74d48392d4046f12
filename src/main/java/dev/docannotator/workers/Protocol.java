package dev.docannotator.workers;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmMetrics;
import dev.docannotator.analysis.llm.LlmSettings;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.RejectionText;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.RunLimits;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.pipeline.Stage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The channel between the server and a worker process: frames of a 4-byte big-endian length and that many bytes of
 * one JSON object, whose {@code type} names one of the records below. The server sends {@link ToWorker}, the worker
 * answers with {@link FromWorker}; every request but {@code abort}, {@code close} and {@code shutdown} gets exactly
 * one terminal answer, in order, except {@code validate}: it is done on a lane of its own in the worker and its
 * answer carries the request's id, so it never waits behind a run nor holds one up.
 */
final class Protocol {
    /** Larger frames are refused: a checkpoint carries at most the text limit (20 M chars) and its findings. */
    static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Protocol() {
    }

    /** Server → worker. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Configure.class, name = "configure"),
            @JsonSubTypes.Type(value = Run.class, name = "run"),
            @JsonSubTypes.Type(value = Step.class, name = "step"),
            @JsonSubTypes.Type(value = GetCheckpoint.class, name = "get_checkpoint"),
            @JsonSubTypes.Type(value = Abort.class, name = "abort"),
            @JsonSubTypes.Type(value = Close.class, name = "close"),
            @JsonSubTypes.Type(value = Ping.class, name = "ping"),
            @JsonSubTypes.Type(value = Validate.class, name = "validate"),
            @JsonSubTypes.Type(value = Shutdown.class, name = "shutdown")})
    sealed interface ToWorker {
    }

    /** The engine to build (first message); the worker answers {@link Ready}. {@code llm} may be null. */
    record Configure(DocumentLimits documentLimits, RunLimits runLimits, LlmSettings llm, boolean warmUpGrammar)
            implements ToWorker {
    }

    /** Start a run of a task from {@code from} (null = the beginning); answered by {@link Started} or {@link Failed}. */
    record Run(String taskId, String document, DocumentFormat format, String requirement, String output,
               AnalyserChoice analyser, String locale, Checkpoint from) implements ToWorker {
    }

    /**
     * Do steps: at least one, and more while they have taken less than {@code budgetNanos} together (short steps,
     * e.g. one paragraph's checks, then cost one round trip between them all). Each step is answered by its events
     * and {@link StepDone} ({@code last} on the batch's last), or the batch ends with {@link Failed}.
     */
    record Step(long budgetNanos) implements ToWorker {
    }

    /** The checkpoint after step {@code step} of the run (1 = the first step; 0 = before any); {@link CheckpointReply}. */
    record GetCheckpoint(long step) implements ToWorker {
    }

    /** Cut the running step short (pause, shutdown); no answer of its own. */
    record Abort() implements ToWorker {
    }

    /** Release the run (document, analysis state, files); answered by {@link Closed} when {@code ack}. */
    record Close(boolean ack) implements ToWorker {
    }

    /** Answered by {@link Pong} at once, whatever the run is doing. */
    record Ping(long seq) implements ToWorker {
    }

    /** Exit now. */
    record Shutdown() implements ToWorker {
    }

    /**
     * Admit an upload (size, sniffed format, a trial open) as the in-process engine would; answered by
     * {@link Validated} with the same {@code id}, on a lane of the worker's own (not behind a run's steps).
     */
    record Validate(long id, String file, String filenameHint) implements ToWorker {
    }

    /** Worker → server. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Ready.class, name = "ready"),
            @JsonSubTypes.Type(value = Started.class, name = "started"),
            @JsonSubTypes.Type(value = Progress.class, name = "progress"),
            @JsonSubTypes.Type(value = Found.class, name = "found"),
            @JsonSubTypes.Type(value = Text.class, name = "text"),
            @JsonSubTypes.Type(value = Completed.class, name = "completed"),
            @JsonSubTypes.Type(value = StepDone.class, name = "step_done"),
            @JsonSubTypes.Type(value = CheckpointReply.class, name = "checkpoint"),
            @JsonSubTypes.Type(value = Failed.class, name = "failed"),
            @JsonSubTypes.Type(value = Closed.class, name = "closed"),
            @JsonSubTypes.Type(value = Pong.class, name = "pong"),
            @JsonSubTypes.Type(value = Validated.class, name = "validated"),
            @JsonSubTypes.Type(value = ModelCall.class, name = "model_call")})
    sealed interface FromWorker {
    }

    /** The engine is built; the worker takes runs. */
    record Ready(long pid, long heapMaxMb) implements FromWorker {
    }

    /** A run started: where it stands and what it runs. */
    record Started(Stage stage, boolean hasNext, RunReport report) implements FromWorker {
    }

    /** A progress event; {@code runStage} is the run's stage when it was handed out. */
    record Progress(Stage stage, int progress, String message, String detail, Stage runStage) implements FromWorker {
    }

    /** An annotation event. */
    record Found(Annotation annotation, Stage runStage) implements FromWorker {
    }

    /** The whole extracted text, sent once, as soon as the read stage is over (before that stage's events). */
    record Text(ExtractedText text) implements FromWorker {
    }

    /** The run finished: the completed event with the final checkpoint. */
    record Completed(int annotationCount, Map<String, Integer> summary, RunReport report, String output,
                     Checkpoint checkpoint) implements FromWorker {
    }

    /** The step is over; {@code last} when the batch of steps asked for is over too. */
    record StepDone(Stage stage, boolean hasNext, boolean last) implements FromWorker {
    }

    /** The run is released: nothing more of it will come. */
    record Closed() implements FromWorker {
    }

    /**
     * {@code textOmitted}: the checkpoint comes without its text because the server already has it (sent once as
     * {@link Text} after the read stage): an 18 MB text is not copied across the channel at every checkpoint.
     */
    record CheckpointReply(Checkpoint checkpoint, boolean textOmitted) implements FromWorker {
    }

    /**
     * The run or step failed: {@code code} is the task's error code and {@code message} its text in the task's
     * language; {@code aborted} when an abort cut the step short.
     */
    record Failed(String code, String message, boolean aborted) implements FromWorker {
    }

    record Pong(long seq) implements FromWorker {
    }

    /**
     * The answer to {@link Validate} {@code id}: the document's {@code format}, or why it was refused
     * ({@code rejection}), or neither when the check itself failed unexpectedly ({@code internalError}).
     */
    record Validated(long id, DocumentFormat format, Rejection rejection, boolean internalError) implements FromWorker {
    }

    /**
     * A refused document, so that the server can say it in the request's language: the {@code rejection} bundle's
     * {@code key} and {@code args} when the refusal came from there, else its {@code message} as it was written.
     */
    record Rejection(DocumentRejectedException.Reason reason, String key, java.util.List<Object> args, String message) {

        static Rejection of(DocumentRejectedException e) {
            return e.text().map(t -> new Rejection(e.reason(), t.key(), java.util.Arrays.asList(t.args()), null))
                    .orElseGet(() -> new Rejection(e.reason(), null, null, e.getMessage()));
        }

        DocumentRejectedException exception() {
            return key == null ? new DocumentRejectedException(reason, message)
                    : new DocumentRejectedException(reason, RejectionText.of(key, args == null ? new Object[0] : args.toArray()));
        }
    }

    /**
     * What the worker's model client observed (a request started or finished, tokens, an error, a dropped quote),
     * whenever it happens: the server counts it in its own Prometheus meters. Not an answer to any request.
     */
    record ModelCall(LlmMetrics.Observation observation) implements FromWorker {
    }

    /** Not sent: what the server's reader hands on when the worker's output ended (the process is gone). */
    record Gone() implements FromWorker {
    }

    static void write(OutputStream out, Object message) throws IOException {
        write(out, message, true);
    }

    /** Writes one frame; without {@code flush} it may wait in {@code out}'s buffer for the next flushed one. */
    static void write(OutputStream out, Object message, boolean flush) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(message);
        int n = bytes.length;
        out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.write(bytes);
        if (flush) {
            out.flush();
        }
    }

    /** The next message, or null at the end of the stream. */
    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        int n;
        try {
            n = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (n < 0 || n > MAX_FRAME_BYTES) {
            // Not a frame: text on the channel. The JVM itself prints "Terminating due to
            // java.lang.OutOfMemoryError: ..." on stdout just before -XX:+ExitOnOutOfMemoryError ends it.
            byte[] head = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            byte[] more = new byte[Math.min(256, in.available())];
            int read = in.read(more);
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
                    + (read > 0 ? new String(more, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1) : "");
            throw new NotAFrame(text);
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            return null;
        }
        return MAPPER.readValue(bytes, type);
    }

    /** Text where a frame was expected. */
    static final class NotAFrame extends IOException {
        NotAFrame(String text) {
            super(text.strip());
        }
    }

    static DataInputStream input(InputStream in) {
        return new DataInputStream(new java.io.BufferedInputStream(in, 64 * 1024));
    }
}
