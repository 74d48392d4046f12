package dev.docannotator.storage;

import dev.docannotator.document.DocumentFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where documents, results and uploads in progress live under the data directory. Every path is built from a
 * generated id that was checked against {@link #ID}; a user's filename never becomes part of a path.
 */
public final class TaskFiles {
    /** Ids the server generates or accepts: UUIDs and client task ids alike. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Path documents;
    private final Path results;
    private final Path uploads;

    public TaskFiles(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        this.documents = root.resolve("documents");
        this.results = root.resolve("results");
        this.uploads = root.resolve("uploads");
        try {
            Files.createDirectories(documents);
            Files.createDirectories(results);
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directories under " + root, e);
        }
    }

    /** The directory of the documents' files (PostgreSQL: their local copies). */
    public Path documentsDir() {
        return documents;
    }

    public Path document(String documentId) {
        return documents.resolve(checked(documentId));
    }

    /** The result file of the task stored under {@code taskKey} (a scoped key is hashed into a safe name). */
    public Path result(String taskKey, DocumentFormat format) {
        String name = taskKey.indexOf(':') >= 0 ? sha256(taskKey) : checked(taskKey);
        return results.resolve(name + "." + format.outputExtension());
    }

    /**
     * Where a shared store (PostgreSQL) keeps local copies of results, named by their result ids; created when first
     * asked for.
     */
    public Path resultCache() {
        Path dir = documents.resolveSibling("cache").resolve("results");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return dir;
    }

    /** The directory for uploads being received; emptied at start-up. */
    public Path uploads() {
        return uploads;
    }

    public Path newUpload() {
        try {
            return Files.createTempFile(uploads, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an upload file", e);
        }
    }

    /** Removes leftovers of uploads that were being received when the server stopped. */
    public void clearUploads() {
        try (var stream = Files.list(uploads)) {
            stream.forEach(TaskFiles::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + uploads, e);
        }
    }

    /** Deletes the file if it is there; a failure is left to the next retention round. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // retention runs again later
        }
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a valid id: " + id);
        }
        return id;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
