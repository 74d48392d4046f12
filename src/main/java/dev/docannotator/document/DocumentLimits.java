package dev.docannotator.document;

/**
 * Limits that keep a hostile file from harming the server.
 *
 * @param maxUploadBytes   largest accepted file
 * @param minInflateRatio  POI zip-bomb guard: smallest compressed/uncompressed ratio of a zip entry
 * @param maxEntryBytes    POI: largest uncompressed zip entry
 * @param maxEntries       POI: most entries in a DOCX package
 * @param maxTextChars     most characters of extracted text before the document is refused
 */
public record DocumentLimits(long maxUploadBytes, double minInflateRatio, long maxEntryBytes, int maxEntries,
                             int maxTextChars) {

    public static DocumentLimits defaults() {
        // 50 MB per zip entry: POI needs several times an entry's size in heap to parse it.
        return new DocumentLimits(25L * 1024 * 1024, 0.01, 50L * 1024 * 1024, 1000, 20_000_000);
    }
}
