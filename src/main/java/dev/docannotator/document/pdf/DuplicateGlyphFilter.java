package dev.docannotator.document.pdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises a glyph drawn again over an identical one (fake bold, shadows), with exactly the rule of PDFBox's
 * {@code PDFTextStripper} "suppress duplicate overlapping text": a glyph is a duplicate when an earlier kept glyph
 * with the same text starts inside the window {@code [x - tol, x + tol) × [y - tol, y + tol)}, where tol is a third
 * of the new glyph's width per character.
 *
 * <p>PDFBox keeps the earlier glyphs in a map of sorted trees of boxed floats and builds sub-views of them for every
 * glyph, which measured as half of all text extraction time. Here kept glyphs sit in a grid of fixed cells held
 * in primitive arrays, so a lookup probes a few cells. Cells of the usual page area are a plain array, each holding
 * a chain of all its glyphs whatever their text (a cell holds one or two glyphs of body text, so comparing them is
 * cheaper than hashing); cells outside it are found through a hash table keyed by text and cell. A window spanning
 * too many cells (a huge glyph) scans the kept glyphs with the same text instead, as PDFBox would.
 * Not thread-safe; {@link #clear()} between pages.
 */
final class DuplicateGlyphFilter {
    /** Cell side in text-position units: a window around body text mostly falls into one cell. */
    private static final float CELL = 8f;
    /** Beyond this many cells across a window, scanning the glyphs of the same text is cheaper. */
    private static final int MAX_CELLS_ACROSS = 8;
    /** Cells per side of the directly indexed area, which covers [0, GRID * CELL) on both axes: every usual page. */
    private static final int GRID = 160;
    private static final int NONE = -1;

    // the kept glyphs, by index
    private float[] xs = new float[1024];
    private float[] ys = new float[1024];
    private String[] texts = new String[1024];
    /**
     * The next kept glyph in the same chain, or NONE: in a grid cell, the same cell; outside the grid, the same cell
     * key (same text and cell, barring hash collisions).
     */
    private int[] nextInCell = new int[1024];
    /** The previous kept glyph with the same text, or NONE; maintained only while {@link #lastOfText} exists. */
    private int[] previousOfText = new int[1024];
    private int size;

    /** The most recent kept glyph of each grid cell (index cellY * GRID + cellX), or NONE. */
    private final int[] grid = CellTable.filled(GRID * GRID);
    private final CellTable cells = new CellTable();
    /**
     * For each text, a one-element array holding its most recently kept glyph. Built on a page's first huge glyph
     * only: pages of ordinary text never need it.
     */
    private Map<String, int[]> lastOfText;

    /**
     * True when a glyph showing {@code text} at ({@code x}, {@code y}) duplicates a glyph kept earlier;
     * otherwise the glyph is kept (remembered) and the answer is false.
     */
    boolean isDuplicate(String text, float x, float y, float tolerance) {
        // the same float arithmetic as PDFTextStripper, so borderline glyphs are judged identically
        float minX = x - tolerance;
        float maxX = x + tolerance;
        float minY = y - tolerance;
        float maxY = y + tolerance;
        // an empty, inverted or NaN window holds nothing
        if (size > 0 && Float.compare(minX, maxX) < 0 && Float.compare(minY, maxY) < 0
                && anyWithin(text, minX, maxX, minY, maxY)) {
            return true;
        }
        keep(text, x, y);
        return false;
    }

    void clear() {
        // only the grid cells that hold glyphs are reset: filling the whole grid per page would cost more
        for (int i = 0; i < size; i++) {
            int cellX = cell(xs[i]);
            int cellY = cell(ys[i]);
            if (inGrid(cellX, cellY)) {
                grid[cellY * GRID + cellX] = NONE;
            }
        }
        // the texts are dropped so a page's strings do not outlive it; the arrays keep their capacity
        Arrays.fill(texts, 0, size, null);
        size = 0;
        cells.clear();
        lastOfText = null;
    }

    private boolean anyWithin(String text, float minX, float maxX, float minY, float maxY) {
        int fromX = cell(minX);
        int toX = cell(maxX);
        int fromY = cell(minY);
        int toY = cell(maxY);
        // long arithmetic: the cells of saturated coordinates would overflow an int difference
        if ((long) toX - fromX >= MAX_CELLS_ACROSS || (long) toY - fromY >= MAX_CELLS_ACROSS) {
            return anyOfTextWithin(text, minX, maxX, minY, maxY);
        }
        for (int cy = fromY; cy <= toY; cy++) {
            for (int cx = fromX; cx <= toX; cx++) {
                int head = inGrid(cx, cy) ? grid[cy * GRID + cx] : cells.head(key(text.hashCode(), cx, cy));
                for (int i = head; i != NONE; i = nextInCell[i]) {
                    if (within(i, minX, maxX, minY, maxY) && text.equals(texts[i])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean anyOfTextWithin(String text, float minX, float maxX, float minY, float maxY) {
        if (lastOfText == null) {
            lastOfText = new HashMap<>();
            for (int i = 0; i < size; i++) {
                linkToText(i);
            }
        }
        int[] last = lastOfText.get(text);
        for (int i = last == null ? NONE : last[0]; i != NONE; i = previousOfText[i]) {
            if (within(i, minX, maxX, minY, maxY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether kept glyph i lies in [minX, maxX) × [minY, maxY), compared as the Float keys of PDFBox's trees. */
    private boolean within(int i, float minX, float maxX, float minY, float maxY) {
        return Float.compare(xs[i], minX) >= 0 && Float.compare(xs[i], maxX) < 0
                && Float.compare(ys[i], minY) >= 0 && Float.compare(ys[i], maxY) < 0;
    }

    private void keep(String text, float x, float y) {
        if (size == xs.length) {
            int capacity = size * 2;
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
            texts = Arrays.copyOf(texts, capacity);
            nextInCell = Arrays.copyOf(nextInCell, capacity);
            previousOfText = Arrays.copyOf(previousOfText, capacity);
        }
        int i = size++;
        xs[i] = x;
        ys[i] = y;
        texts[i] = text;
        int cellX = cell(x);
        int cellY = cell(y);
        if (inGrid(cellX, cellY)) {
            int slot = cellY * GRID + cellX;
            nextInCell[i] = grid[slot];
            grid[slot] = i;
        } else {
            nextInCell[i] = cells.push(key(text.hashCode(), cellX, cellY), i);
        }
        if (lastOfText != null) {
            linkToText(i);
        }
    }

    private void linkToText(int i) {
        int[] last = lastOfText.computeIfAbsent(texts[i], t -> new int[] {NONE});
        previousOfText[i] = last[0];
        last[0] = i;
    }

    /**
     * Cell index. It only has to be monotonic in the coordinate (every value of a window then lies in the cells
     * between those of its bounds), so truncation, which saturates for huge coordinates, will do; NaN lands in
     * cell 0 and never lies in a window.
     */
    private static int cell(float v) {
        return (int) (v * (1 / CELL));
    }

    private static boolean inGrid(int cellX, int cellY) {
        return cellX >= 0 && cellX < GRID && cellY >= 0 && cellY < GRID;
    }

    /** One key per text and cell; a rare collision only lengthens a chain, as texts are compared too. */
    private static long key(int textHash, int cellX, int cellY) {
        return cellX * 0x9E3779B97F4A7C15L ^ cellY * 0xC2B2AE3D27D4EB4FL ^ textHash * 0x165667B19E3779F9L;
    }

    /** An open-addressing hash map from cell key to the most recently kept glyph with that key. */
    private static final class CellTable {
        private long[] keys = new long[4096];
        private int[] heads = filled(4096);
        private int count;

        /** The head of the key's chain, or NONE. */
        int head(long key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); heads[slot] != NONE; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return heads[slot];
                }
            }
            return NONE;
        }

        /** Makes {@code glyph} the head of the key's chain; returns the previous head, or NONE. */
        int push(long key, int glyph) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (heads[slot] != NONE && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            int previous = heads[slot];
            keys[slot] = key;
            heads[slot] = glyph;
            if (previous == NONE && ++count * 2 > keys.length) {
                grow();
            }
            return previous;
        }

        void clear() {
            if (count > 0) {
                Arrays.fill(heads, NONE);
                count = 0;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[oldKeys.length * 2];
            heads = filled(keys.length);
            count = 0;
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldHeads[slot] != NONE) {
                    push(oldKeys[slot], oldHeads[slot]);
                }
            }
        }

        private static int slot(long key, int mask) {
            return (int) (key ^ (key >>> 32) ^ (key >>> 45)) & mask;
        }

        private static int[] filled(int length) {
            int[] array = new int[length];
            Arrays.fill(array, NONE);
            return array;
        }
    }
}
