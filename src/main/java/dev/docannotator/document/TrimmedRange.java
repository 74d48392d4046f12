package dev.docannotator.document;

/**
 * The range {@code [start, end)} of a text with the white space at both ends left out: where a paragraph or a table
 * cell starts and ends, as offsets into the text it was cut from (so highlights still land on the source).
 */
public record TrimmedRange(int start, int end) {

    /** {@code [from, to)} of {@code text} without its leading and trailing white space; empty if all of it is. */
    public static TrimmedRange of(CharSequence text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new TrimmedRange(start, end);
    }

    public boolean isEmpty() {
        return start >= end;
    }
}
