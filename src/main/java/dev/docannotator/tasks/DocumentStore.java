package dev.docannotator.tasks;

import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded documents: each is admitted by the runner (size, sniffed format, a trial open: in a worker process unless
 * documents run in this one) and stored under a generated id, owned by the identity that uploaded it. The user's
 * filename is kept only as a display name.
 */
public final class DocumentStore {
    private final TaskRunner runner;
    private final TaskFiles files;
    private final Store store;
    private final Clock clock;

    DocumentStore(TaskRunner runner, TaskFiles files, Store store, Clock clock) {
        this.runner = runner;
        this.files = files;
        this.store = store;
        this.clock = clock;
    }

    /** Where uploads are received before they are admitted. */
    public TaskFiles files() {
        return files;
    }

    /**
     * Admits an uploaded file and stores it; the upload file is moved or deleted either way.
     * Throws DocumentRejectedException for a bad document, TaskException (busy) when it cannot be checked now,
     * said in {@code locale}.
     */
    public DocumentRecord store(String userId, Path upload, String filename, Locale locale) {
        try {
            String name = displayName(filename);
            DocumentFormat format = runner.admit(upload, name, locale);
            String id = UUID.randomUUID().toString();
            DocumentRecord doc = new DocumentRecord(id, userId, name, format, Files.size(upload), clock.instant());
            store.documents().insert(doc, upload);
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded document", e);
        } finally {
            TaskFiles.deleteQuietly(upload);
        }
    }

    /** The caller's document, or 404 (also for another identity's document). */
    public DocumentRecord find(String userId, String documentId, Locale locale) {
        Optional<DocumentRecord> doc = documentId != null && TaskFiles.ID.matcher(documentId).matches()
                ? store.documents().find(documentId) : Optional.empty();
        if (doc.isEmpty() || !doc.get().userId().equals(userId) || store.documents().localFile(documentId).isEmpty()) {
            throw TaskException.notFound(new Messages("http", locale).get("document.not_found"));
        }
        return doc.get();
    }

    /**
     * Deletes the caller's document, its file first and then its row (a row without its file already reads as
     * not found, and retention removes it), unless a task refers to it: a task's document is kept until
     * retention removes the task. Returns whether it was deleted; another identity's or an unknown id is a no-op.
     */
    public boolean delete(String userId, String documentId) {
        if (documentId == null || !TaskFiles.ID.matcher(documentId).matches()) {
            return false;
        }
        Optional<DocumentRecord> doc = store.documents().find(documentId);
        if (doc.isEmpty() || !doc.get().userId().equals(userId) || store.tasks().refersTo(documentId)) {
            return false;
        }
        store.documents().delete(List.of(documentId));
        return true;
    }

    /** The name shown to the user: the last path segment of what the client sent, without control characters. */
    static String displayName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "document" : name;
    }
}
