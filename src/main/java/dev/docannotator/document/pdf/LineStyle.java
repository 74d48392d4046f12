package dev.docannotator.document.pdf;

/**
 * How one line of a page is set, gathered glyph by glyph: where its text starts in the paragraph being built, its left
 * and right ends, its type size ({@link #size}), whether all of them are bold and how many are fixed-pitch. Spaces and
 * other blank glyphs do not count: a bullet or a space in another font says nothing about the line.
 */
final class LineStyle {
    /** Distinct sizes tallied per line; a line with more (a formula) keeps the first ones, enough to find the usual one. */
    private static final int SIZES = 4;

    /** Offset in the paragraph's text where the line's first character is, or -1 until it is written. */
    int start = -1;
    float startX;
    float endX;
    boolean allBold = true;
    int visibleChars;
    /** Visible characters set in a fixed-pitch font. */
    int fixedPitchChars;
    private final float[] sizes = new float[SIZES];
    private final int[] counts = new int[SIZES];
    private int distinct;
    /** Offsets where a table cell starts after a wide gap ({@link ParagraphLayout#CELL_GAP}); rare, so made on demand. */
    private int[] cells;
    private int cellCount;

    LineStyle(float startX) {
        this.startX = startX;
        this.endX = startX;
    }

    /** Counts one visible glyph of {@code chars} characters in type size {@code size}. */
    void addVisible(float size, int chars, boolean bold, boolean fixedPitch) {
        visibleChars += chars;
        allBold &= bold;
        if (fixedPitch) {
            fixedPitchChars += chars;
        }
        float rounded = Math.round(size * 10) / 10f;
        for (int i = 0; i < distinct; i++) {
            if (sizes[i] == rounded) {
                counts[i] += chars;
                return;
            }
        }
        if (distinct < SIZES) {
            sizes[distinct] = rounded;
            counts[distinct++] = chars;
        }
    }

    /** Notes that a table cell starts at {@code offset}, after a gap far wider than a word space. */
    void addCell(int offset) {
        if (cells == null) {
            cells = new int[4];
        } else if (cellCount == cells.length) {
            cells = java.util.Arrays.copyOf(cells, cellCount * 2);
        }
        cells[cellCount++] = offset;
    }

    int cellCount() {
        return cellCount;
    }

    /** Where cell {@code index} + 1 starts (the first cell starts with the line). */
    int cell(int index) {
        return cells[index];
    }

    /**
     * The line's type size: the largest size at least a quarter of its characters have (0 for a line of blanks only).
     * Not simply the most common one: in a line of formulas the subscripts can outnumber the letters they hang on.
     */
    float size() {
        float best = 0;
        for (int i = 0; i < distinct; i++) {
            if (counts[i] * 4 >= visibleChars && sizes[i] > best) {
                best = sizes[i];
            }
        }
        return best;
    }
}
