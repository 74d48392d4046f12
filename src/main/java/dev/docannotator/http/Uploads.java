package dev.docannotator.http;

import dev.docannotator.common.Messages;
import dev.docannotator.storage.TaskFiles;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} request: text fields into memory (bounded) and the {@code file} field
 * streamed to a file under the uploads directory, never into memory. An upload over the limit is refused with
 * 413 as soon as that is known (from Content-Length, or while the parts are received).
 */
final class Uploads {
    static final String FILE_FIELD = "file";
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    static final long FORM_OVERHEAD = 1024 * 1024;
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    /** The parsed form; {@code file} is null when no file was sent. Closing deletes the file if still there. */
    record Form(Map<String, String> fields, Path file, String filename) implements AutoCloseable {
        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the uploads directory is emptied at start-up as well
                }
            }
        }
    }

    private final TaskFiles files;
    private final long maxUploadBytes;

    Uploads(TaskFiles files, long maxUploadBytes) {
        this.files = files;
        this.maxUploadBytes = maxUploadBytes;
    }

    static boolean isMultipart(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    Form read(Context ctx) {
        Messages messages = Requests.messages(ctx);
        if (!isMultipart(ctx)) {
            throw ApiException.invalidRequest(messages.get("upload.not_multipart"));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxUploadBytes + FORM_OVERHEAD) {
            closeAfterResponse(ctx);
            throw ApiException.payloadTooLarge(messages.get("upload.too_large", maxUploadBytes));
        }
        HttpServletRequest req = ctx.req();
        req.setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(files.uploads().toString(),
                maxUploadBytes, maxUploadBytes + FORM_OVERHEAD, 64 * 1024));
        java.util.Collection<Part> parts;
        try {
            parts = req.getParts();
        } catch (Exception e) {
            closeAfterResponse(ctx);
            throw tooLarge(e) ? ApiException.payloadTooLarge(messages.get("upload.too_large", maxUploadBytes))
                    : ApiException.invalidRequest(messages.get("upload.malformed"));
        }
        Map<String, String> fields = new HashMap<>();
        Path file = null;
        String filename = null;
        try {
            for (Part part : parts) {
                if (FILE_FIELD.equals(part.getName())) {
                    if (file != null) {
                        throw ApiException.invalidRequest(messages.get("upload.one_file"));
                    }
                    file = files.newUpload();
                    filename = part.getSubmittedFileName();
                    long size = copy(part, file);
                    if (size > maxUploadBytes) {
                        closeAfterResponse(ctx);
                        throw ApiException.payloadTooLarge(messages.get("upload.too_large", maxUploadBytes));
                    }
                } else if (part.getSubmittedFileName() == null) {
                    fields.put(part.getName(), readField(part, messages));
                }
            }
            return new Form(fields, file, filename);
        } catch (IOException e) {
            new Form(fields, file, filename).close();
            throw ApiException.invalidRequest(messages.get("upload.malformed"));
        } catch (RuntimeException e) {
            new Form(fields, file, filename).close();
            throw e;
        } finally {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException ignored) {
                    // Jetty removes its temporary part files when the request ends
                }
            }
        }
    }

    /** The rest of the body is not read: the client must not reuse this connection. */
    private static void closeAfterResponse(Context ctx) {
        ctx.header("Connection", "close");
    }

    private static long copy(Part part, Path target) throws IOException {
        try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            return in.transferTo(out);
        }
    }

    private static String readField(Part part, Messages messages) throws IOException {
        if (part.getSize() > MAX_FIELD_BYTES) {
            throw ApiException.payloadTooLarge(messages.get("upload.field_too_large", part.getName(), MAX_FIELD_BYTES));
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("max") || message.contains("exceed") || message.contains("too large")
                    || message.contains("413")) {
                return true;
            }
        }
        return false;
    }
}
