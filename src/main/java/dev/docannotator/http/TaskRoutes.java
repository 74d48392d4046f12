package dev.docannotator.http;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.common.Json;
import dev.docannotator.common.Messages;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.tasks.ResultLinks;
import dev.docannotator.tasks.Task;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.tasks.TaskService;
import dev.docannotator.storage.TaskView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Documents, the annotation stream and the tasks API. Handlers parse and validate, call the service, respond. */
public final class TaskRoutes implements RouteModule {
    static final String TASK_TYPE = "DOC_ANNOTATE";
    private static final int MAX_REQUIREMENT_CHARS = 10_000;

    /** The result event's links: the two routes below that serve a completed task. */
    public static final ResultLinks LINKS = new ResultLinks() {
        @Override
        public String document(String taskId) {
            return "/api/tasks/" + taskId + "/result";
        }

        @Override
        public String annotations(String taskId) {
            return "/api/tasks/" + taskId + "/annotations";
        }
    };

    private final TaskService tasks;
    private final TaskStreamer streamer;
    private final StreamLimiter streams;
    private final Uploads uploads;
    private final long maxUploadBytes;

    TaskRoutes(TaskService tasks, TaskStreamer streamer, StreamLimiter streams, long maxUploadBytes) {
        this.tasks = tasks;
        this.streamer = streamer;
        this.streams = streams;
        this.uploads = new Uploads(tasks.documents().files(), maxUploadBytes);
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void register(JavalinConfig config) {
        // The limits the page states and enforces before sending (so it never hard-codes what the server allows).
        config.routes.get("/api/limits", ctx -> ctx.json(Map.of(
                "max_upload_bytes", maxUploadBytes, "max_requirement_chars", MAX_REQUIREMENT_CHARS)));
        config.routes.post("/api/documents", this::upload);
        config.routes.post("/api/chat/stream", this::chatStream);
        config.routes.get("/api/tasks", ctx -> ctx.json(Map.of("tasks",
                tasks.list(Identity.of(ctx)).stream().map(TaskJson::task).toList())));
        config.routes.get("/api/tasks/{id}", this::task);
        config.routes.post("/api/tasks/{id}/cancel", this::cancel);
        config.routes.post("/api/tasks/{id}/resume", this::resume);
        config.routes.get("/api/tasks/{id}/events", this::events);
        config.routes.get("/api/tasks/{id}/annotations", this::annotations);
        config.routes.get("/api/tasks/{id}/result", this::result);
    }

    /** One task, with what it runs (checks, requirement, analyser), notes in the request's language. */
    private void task(Context ctx) {
        Locale locale = Requests.locale(ctx);
        TaskView view = tasks.get(Identity.of(ctx), ctx.pathParam("id"), locale);
        ctx.json(TaskJson.task(view, tasks.report(view, locale)));
    }

    private void upload(Context ctx) {
        try (Uploads.Form form = uploads.read(ctx)) {
            if (form.file() == null) {
                throw ApiException.invalidRequest(Requests.messages(ctx).get("upload.no_file"));
            }
            DocumentRecord doc = tasks.documents().store(Identity.of(ctx), form.file(), form.filename(),
                    Requests.locale(ctx));
            ctx.status(201).json(TaskJson.document(doc));
        }
    }

    /**
     * The stream's place is taken before anything else (before the uploaded file is stored; its bytes were
     * received without a thread, see BodyLoader), and given back when the handler returns: after the stream ended
     * however it ended, or after the request was refused.
     */
    private void chatStream(Context ctx) {
        long start = Requests.arrivalNanos(ctx);
        Locale locale = Requests.locale(ctx);
        Messages messages = Requests.messages(ctx);
        String user = Identity.of(ctx);
        try (StreamLimiter.Permit permit = streams.acquire(user, messages)) {
            Map<String, String> fields;
            String documentId;
            String uploadedHere = null;
            if (Uploads.isMultipart(ctx)) {
                try (Uploads.Form form = uploads.read(ctx)) {
                    fields = form.fields();
                    validate(fields, messages, form.file() != null, tasks.modelConfigured());
                    if (form.file() != null) {
                        uploadedHere = tasks.documents().store(user, form.file(), form.filename(), locale).documentId();
                    }
                    documentId = uploadedHere != null ? uploadedHere : fields.get("document_id");
                }
            } else {
                fields = jsonFields(ctx, messages);
                validate(fields, messages, false, tasks.modelConfigured());
                documentId = fields.get("document_id");
            }
            Task task = submit(user, documentId, uploadedHere, fields, locale);
            streamer.stream(ctx, task, 0, start, true);
        }
    }

    /**
     * Submits the task; when it is refused, a document this same request uploaded is deleted at once (nothing
     * else knows its id, so it would only wait for retention). A document uploaded before is the user's to keep.
     */
    private Task submit(String user, String documentId, String uploadedHere, Map<String, String> fields,
                        Locale locale) {
        try {
            AnalyserChoice analyser = AnalyserChoice.fromId(fields.get("analyser"))
                    .orElse(AnalyserChoice.defaultFor(tasks.modelConfigured()));
            return tasks.submit(user, documentId, fields.getOrDefault("message", ""), fields.get("task_id"), locale,
                    analyser);
        } catch (RuntimeException refused) {
            if (uploadedHere != null) {
                try {
                    tasks.documents().delete(user, uploadedHere);
                } catch (RuntimeException e) {
                    refused.addSuppressed(e);
                }
            }
            throw refused;
        }
    }

    /** Checks the stream request's fields before anything starts. */
    private static void validate(Map<String, String> fields, Messages messages, boolean hasFile,
                                 boolean modelConfigured) {
        String type = fields.get("task_type");
        if (type != null && !TASK_TYPE.equals(type)) {
            throw ApiException.invalidRequest(messages.get("stream.task_type", TASK_TYPE));
        }
        String taskId = fields.get("task_id");
        if (taskId != null && !TaskFiles.ID.matcher(taskId).matches()) {
            throw ApiException.invalidRequest(messages.get("stream.task_id"));
        }
        String message = fields.get("message");
        if (message != null && message.length() > MAX_REQUIREMENT_CHARS) {
            throw ApiException.invalidRequest(messages.get("stream.message_too_long", MAX_REQUIREMENT_CHARS));
        }
        String documentId = fields.get("document_id");
        if (!hasFile && (documentId == null || documentId.isBlank())) {
            throw ApiException.invalidRequest(messages.get("stream.document_missing"));
        }
        String analyser = fields.get("analyser");
        if (analyser != null) {
            AnalyserChoice choice = AnalyserChoice.fromId(analyser)
                    .orElseThrow(() -> ApiException.invalidRequest(messages.get("stream.analyser")));
            if (choice.usesModel() && !modelConfigured) {
                throw ApiException.invalidRequest(messages.get("stream.analyser_no_model", choice.id()));
            }
        }
    }

    /** The JSON body as string fields; anything but an object of strings is a 400. */
    private static Map<String, String> jsonFields(Context ctx, Messages messages) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.invalidRequest(messages.get("request.content_type"));
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiException.invalidRequest(messages.get("request.malformed_json"));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidRequest(messages.get("request.json_object"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("message", "task_type", "document_id", "task_id", "analyser")) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw ApiException.invalidRequest(messages.get("request.field_string", name));
            }
            fields.put(name, value.asText());
        }
        return fields;
    }

    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        tasks.cancel(Identity.of(ctx), id, Requests.locale(ctx), Requests.arrivalNanos(ctx));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("task_id", id);
        body.put("status", "cancelled");
        ctx.json(body);
    }

    /** The place is taken before the task is resumed, so that a refused stream never restarts work. */
    private void resume(Context ctx) {
        long start = Requests.arrivalNanos(ctx);
        String user = Identity.of(ctx);
        Locale locale = Requests.locale(ctx);
        String id = ctx.pathParam("id");
        try (StreamLimiter.Permit permit = streams.acquire(user, Requests.messages(ctx))) {
            long cursor = tasks.resume(user, id, locale);
            streamer.stream(ctx, tasks.attach(user, id, locale), cursor, start, true);
        }
    }

    private void events(Context ctx) {
        long start = Requests.arrivalNanos(ctx);
        String user = Identity.of(ctx);
        try (StreamLimiter.Permit permit = streams.acquire(user, Requests.messages(ctx))) {
            Task task = tasks.attach(user, ctx.pathParam("id"), Requests.locale(ctx));
            streamer.stream(ctx, task, lastEventId(ctx), start, false);
        }
    }

    private static long lastEventId(Context ctx) {
        String value = ctx.header("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = ctx.queryParam("last_event_id");
        }
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ApiException.invalidRequest(Requests.messages(ctx).get("events.last_event_id"));
        }
    }

    private void annotations(Context ctx) {
        TaskService.AnnotationsView view = tasks.annotations(Identity.of(ctx), ctx.pathParam("id"), Requests.locale(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", view.text());
        json.put("annotations", view.annotations());
        ctx.result(Json.write(json)).contentType("application/json; charset=utf-8");
    }

    private void result(Context ctx) throws java.io.IOException {
        TaskService.ResultFile file = tasks.result(Identity.of(ctx), ctx.pathParam("id"), Requests.locale(ctx));
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", contentDisposition(file.filename()));
        InputStream in = Files.newInputStream(file.path());
        ctx.result(in);
    }

    /** attachment; filename="<ascii>"; filename*=UTF-8''<encoded> — safe for any name. */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
