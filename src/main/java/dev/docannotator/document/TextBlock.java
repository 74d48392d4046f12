package dev.docannotator.document;

/**
 * One paragraph-like unit of a document's extracted text: {@code text.substring(start, end)}.
 * {@code page} is 1-based (PDF only), {@code paragraph} is 1-based in reading order; either may be null.
 */
public record TextBlock(int start, int end, Integer page, Integer paragraph) {
    public int length() {
        return end - start;
    }
}
