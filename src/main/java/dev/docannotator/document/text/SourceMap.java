package dev.docannotator.document.text;

import java.util.Arrays;

/**
 * Maps offsets of the extracted text back to the source text it was laid out from. The extracted text is made of
 * pieces copied verbatim from the source (one per line of a paragraph, one per table cell …); between two pieces it
 * holds what the source did not (a space for a joined line break, the '\n' between blocks) or nothing (a dropped
 * end-of-line hyphen, a break between CJK characters). A character between two pieces stands for the whole source
 * gap between them, so a span crossing a joined line break covers the line break and the next line's indentation.
 */
final class SourceMap {
    private final int[] textStart;
    private final int[] sourceStart;
    private final int[] length;
    private final int sourceLength;

    private SourceMap(int[] textStart, int[] sourceStart, int[] length, int sourceLength) {
        this.textStart = textStart;
        this.sourceStart = sourceStart;
        this.length = length;
        this.sourceLength = sourceLength;
    }

    /** Where the character at {@code start} of the extracted text begins in the source. */
    int sourceStart(int start) {
        int i = pieceAtOrBefore(start);
        if (i < 0) {
            return 0;
        }
        int inPiece = start - textStart[i];
        return inPiece < length[i] ? sourceStart[i] + inPiece : sourceStart[i] + length[i];
    }

    /** Where the span ending (exclusive) at {@code end} of the extracted text ends in the source. */
    int sourceEnd(int end) {
        if (end <= 0) {
            return sourceStart(0);
        }
        int last = end - 1;
        int i = pieceAtOrBefore(last);
        if (i < 0) {
            return length.length == 0 ? sourceLength : sourceStart[0];
        }
        int inPiece = last - textStart[i];
        if (inPiece < length[i]) {
            return sourceStart[i] + inPiece + 1;
        }
        return i + 1 < length.length ? sourceStart[i + 1] : sourceLength;
    }

    /** The last piece starting at or before {@code offset}, preferring a later one of several empty ones. */
    private int pieceAtOrBefore(int offset) {
        int lo = 0;
        int hi = textStart.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (textStart[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Collects pieces in extracted-text order. */
    static final class Builder {
        private int[] textStart = new int[64];
        private int[] sourceStart = new int[64];
        private int[] length = new int[64];
        private int size;

        void piece(int atText, int atSource, int len) {
            if (len == 0) {
                return;
            }
            if (size == textStart.length) {
                textStart = Arrays.copyOf(textStart, size * 2);
                sourceStart = Arrays.copyOf(sourceStart, size * 2);
                length = Arrays.copyOf(length, size * 2);
            }
            textStart[size] = atText;
            sourceStart[size] = atSource;
            length[size] = len;
            size++;
        }

        /** Takes the last character off the last piece (a dropped end-of-line hyphen). */
        void shortenLast() {
            if (size > 0 && --length[size - 1] == 0) {
                size--;
            }
        }

        SourceMap build(int sourceLength) {
            return new SourceMap(Arrays.copyOf(textStart, size), Arrays.copyOf(sourceStart, size),
                    Arrays.copyOf(length, size), sourceLength);
        }
    }
}
