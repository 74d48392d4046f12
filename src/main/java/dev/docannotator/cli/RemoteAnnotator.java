package dev.docannotator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.CheckRun;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.pipeline.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a document through a DocAnnotator server: upload, start the stream with a task id of our own (so we can
 * always re-attach), follow it, re-attach with Last-Event-ID after a dropped connection, resume a task the server
 * interrupted, then download the result.
 */
public final class RemoteAnnotator {
    /** How long the stream may stay silent (the server sends a heartbeat every 15 s) before we call it dead. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(40);

    private final ServerClient client;
    private final dev.docannotator.common.Messages texts;
    private final ProgressPrinter progress;
    private final Backoff backoff;
    private volatile String taskId;
    private volatile boolean announced;

    public RemoteAnnotator(URI server, String userId, Locale locale, ProgressPrinter progress, Backoff backoff) {
        this.client = new ServerClient(server, userId, locale);
        this.texts = new dev.docannotator.common.Messages("cli", locale);
        this.progress = progress;
        this.backoff = backoff;
    }

    /** Sends cancel for the current task (Ctrl+C); true when the server confirmed it. */
    public boolean cancelRemote(Duration timeout) {
        String id = taskId;
        return id != null && client.cancel(id, timeout);
    }

    /** The id of the task this run follows, once the server has it (null before): what --resume takes. */
    public String taskId() {
        return announced ? taskId : null;
    }

    /** Returns null when the task was cancelled at our request. */
    /** The analyser to ask the server for ("rules", "llm", "both"); null leaves it to the server. */
    public RemoteAnnotator analyser(String value) {
        client.analyser(value);
        return this;
    }

    /**
     * Whether the server has a language model (GET /api/capabilities); empty when it cannot tell (an older server,
     * or none reachable: the run itself then reports that).
     */
    public java.util.Optional<Boolean> serverHasModel() {
        try {
            JsonNode capabilities = client.get("/api/capabilities");
            return capabilities.path("llm").isBoolean() ? java.util.Optional.of(capabilities.path("llm").asBoolean())
                    : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    public AnnotateResult annotate(Path file, String requirement, Path out, AtomicBoolean cancelled)
            throws InterruptedException {
        JsonNode document = withRetries("what.upload", () -> client.upload(file));
        DocumentFormat format = DocumentFormat.fromId(document.path("format").asText());
        Path output = out != null ? out : OutputNames.besideInput(file, format);
        taskId = UUID.randomUUID().toString();
        String documentId = document.path("document_id").asText();
        return follow(() -> client.startStream(requirement, documentId, taskId), output, cancelled,
                () -> startOrReattach(requirement, documentId));
    }

    /**
     * Continues a task of this identity on the server: resumes it when it is cancelled or interrupted, otherwise
     * re-attaches from its first event (a running task is followed, a finished one replayed), then downloads the
     * result. {@code out} null means {@code <base>.annotated.<ext>} in the current directory, named after the
     * task's document. Returns null when it was cancelled at our request.
     */
    public AnnotateResult resume(String id, Path out, AtomicBoolean cancelled) throws InterruptedException {
        taskId = id;
        JsonNode task = withRetries("what.lookup", () -> client.task(id));
        announced = true;
        progress.line("task: " + id);
        Path output = out;
        if (output == null) {
            // Only the name the server stored: never a path it could point elsewhere with.
            output = OutputNames.besideInput(storedName(task.path("filename").asText("")),
                    DocumentFormat.fromId(task.path("format").asText()));
        }
        boolean resumable = task.path("resumable").asBoolean(false);
        Opener first = resumable ? () -> client.resume(id) : () -> client.events(id, 0);
        return follow(first, output, cancelled, () -> () -> client.events(id, 0));
    }

    private static Path storedName(String filename) {
        try {
            Path name = Path.of(filename).getFileName();
            return name == null || filename.isBlank() ? Path.of("document") : name;
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("document");
        }
    }

    /** Follows the task from {@code first} to its end, re-attaching and resuming as needed. */
    private AnnotateResult follow(Opener first, Path output, AtomicBoolean cancelled,
                                  java.util.function.Supplier<Opener> notStarted) throws InterruptedException {
        StreamState state = new StreamState();
        Opener opener = first;
        int failures = 0;
        while (true) {
            if (cancelled.get() && state.lastSeq == 0) {
                return null;
            }
            Outcome outcome;
            try {
                outcome = follow(opener.open(), state);
                if (state.progressed) {
                    failures = 0;
                }
            } catch (ServerClient.ServerAnswer answer) {
                if (answer.status == 409) {
                    outcome = Outcome.DROPPED; // our task exists (a retried start, or a resume of a running task)
                } else if (answer.status == 404 && !state.started) {
                    outcome = Outcome.NOT_STARTED; // the first start never reached the server
                } else {
                    throw answer;
                }
            } catch (IOException e) {
                outcome = state.started ? Outcome.DROPPED : Outcome.NOT_STARTED;
            }
            switch (outcome) {
                case COMPLETED -> {
                    return finish(state, output);
                }
                case CANCELLED -> {
                    if (cancelled.get() || !state.resumable) {
                        return null;
                    }
                    opener = () -> client.resume(taskId); // cancelled by the server (e.g. we were away too long)
                }
                case INTERRUPTED -> opener = () -> client.resume(taskId);
                case DROPPED -> {
                    long after = state.lastSeq;
                    opener = () -> client.events(taskId, after);
                }
                case NOT_STARTED -> opener = () -> client.events(taskId, 0);
                default -> throw new IllegalStateException(outcome.name());
            }
            if (++failures > backoff.maxAttempts()) {
                throw new RemoteFailureException(texts.get("remote.lost", client.base(), backoff.maxAttempts()));
            }
            if (outcome != Outcome.CANCELLED) {
                progress.line(texts.get("remote.reattaching", failures, backoff.maxAttempts()));
            }
            backoff.sleep(failures);
            if (outcome == Outcome.NOT_STARTED) {
                opener = notStarted.get();
            } else if (outcome != Outcome.INTERRUPTED) {
                opener = reattachOrResume(opener);
            }
        }
    }

    /** After a drop, look at the task: a server restart leaves it interrupted, which only resume continues. */
    private Opener reattachOrResume(Opener planned) {
        try {
            JsonNode task = client.task(taskId);
            String status = task.path("status").asText();
            if ("interrupted".equals(status)) {
                return () -> client.resume(taskId);
            }
        } catch (IOException | RuntimeException e) {
            // unknown yet: try what was planned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return planned;
    }

    /** A start whose fate is unknown: re-attach if the server has the task, start again if it has not. */
    private Opener startOrReattach(String requirement, String documentId) {
        try {
            client.task(taskId);
            return () -> client.events(taskId, 0);
        } catch (ServerClient.ServerAnswer answer) {
            if (answer.status == 404) {
                return () -> client.startStream(requirement, documentId, taskId);
            }
            throw answer;
        } catch (IOException e) {
            return () -> client.startStream(requirement, documentId, taskId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return () -> client.startStream(requirement, documentId, taskId);
        }
    }

    private enum Outcome { COMPLETED, CANCELLED, INTERRUPTED, DROPPED, NOT_STARTED }

    /** What we know of the task across connections. */
    private static final class StreamState {
        long lastSeq;
        boolean started;
        boolean progressed;
        boolean resumable = true;
        JsonNode result;
    }

    private Outcome follow(HttpResponse<InputStream> response, StreamState state) throws IOException {
        state.started = true;
        state.progressed = false;
        try (InputStream body = response.body();
             StallWatchdog watchdog = new StallWatchdog(body, STALL_LIMIT);
             SseReader reader = new SseReader(watchdog.stream())) {
            SseEvent event;
            while ((event = reader.next()) != null) {
                if (event.id() != null && !event.id().isBlank()) {
                    long seq = Long.parseLong(event.id().trim());
                    if (seq <= state.lastSeq) {
                        continue; // replayed: already handled
                    }
                    state.lastSeq = seq;
                }
                state.progressed = true;
                JsonNode data = Json.mapper().readTree(event.data());
                switch (event.event()) {
                    case "task" -> {
                        if (!announced) {
                            announced = true;
                            progress.line("task: " + taskId); // so that a paused run can be resumed by id
                        }
                    }
                    case "progress" -> progress.progress(data.path("stage").asText(), data.path("progress").asInt(),
                            data.path("message").asText(""), data.path("detail").asText(""));
                    case "result" -> {
                        state.result = data;
                        return Outcome.COMPLETED;
                    }
                    case "cancelled" -> {
                        state.resumable = data.path("resumable").asBoolean(false);
                        progress.line(texts.get("remote.cancelled", data.path("message").asText("")));
                        return Outcome.CANCELLED;
                    }
                    case "shutdown" -> {
                        progress.line(texts.get("remote.stopping", data.path("message").asText("")));
                        return Outcome.INTERRUPTED;
                    }
                    case "error" -> {
                        progress.finish();
                        String message = data.path("message").asText("The server failed.");
                        if ("unprocessable_document".equals(data.path("code").asText())) {
                            throw DocumentRejectedException.unprocessable(message);
                        }
                        throw new RemoteFailureException(message);
                    }
                    default -> {
                        // annotation events: the annotations are fetched whole at the end
                    }
                }
            }
        }
        return Outcome.DROPPED;
    }

    private AnnotateResult finish(StreamState state, Path output) throws InterruptedException {
        progress.finish();
        JsonNode result = state.result;
        withRetries("what.download", () -> {
            client.download(result.path("download_url").asText(), output);
            return null;
        });
        JsonNode annotationsJson = withRetries("what.annotations", () -> client.get(result.path("annotations_url").asText()));
        List<Annotation> annotations = new ArrayList<>();
        for (JsonNode node : annotationsJson.path("annotations")) {
            annotations.add(Json.mapper().convertValue(node, Annotation.class));
        }
        return new AnnotateResult("completed", result.path("annotation_count").asInt(annotations.size()),
                output.toString(), annotations, whatRan(result));
    }

    /** The server's account of what ran; null from a server that does not send it. */
    private static RunReport whatRan(JsonNode result) {
        if (!result.has("checks")) {
            return null;
        }
        return new RunReport(
                List.of(Json.mapper().convertValue(result.path("checks"), CheckRun[].class)),
                Json.mapper().convertValue(result.path("requirement"), RunReport.RequirementReport.class),
                result.path("analyser").asText(null),
                result.has("usage") ? Json.mapper().convertValue(result.path("usage"),
                        dev.docannotator.analysis.llm.LlmUsage.class) : null,
                result.has("llm_failure") ? Json.mapper().convertValue(result.path("llm_failure"),
                        RunReport.ModelFailure.class) : null);
    }

    @FunctionalInterface
    private interface Opener {
        HttpResponse<InputStream> open() throws IOException, InterruptedException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Retries a request while the connection fails; the server's own answers are not retried. {@code what} is a cli text key. */
    private <T> T withRetries(String what, Call<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (IOException e) {
                if (attempt >= backoff.maxAttempts()) {
                    throw new RemoteFailureException(texts.get("remote.unreachable", client.base(), texts.get(what),
                            describe(e)), e);
                }
                backoff.sleep(attempt);
            }
        }
    }

    private String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return texts.get("remote.refused");
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Bounded exponential backoff between reconnection attempts. */
    public record Backoff(int maxAttempts, Duration first, Duration max) {
        public static Backoff standard() {
            return new Backoff(6, Duration.ofMillis(250), Duration.ofSeconds(4));
        }

        void sleep(int attempt) throws InterruptedException {
            long delay = Math.min(max.toMillis(), first.toMillis() << Math.min(20, attempt - 1));
            Thread.sleep(delay);
        }
    }

}
