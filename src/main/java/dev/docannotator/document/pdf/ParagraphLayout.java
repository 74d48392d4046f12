package dev.docannotator.document.pdf;

import java.util.regex.Pattern;

/**
 * Where a paragraph PDFBox found is really two, decided from how its lines are set. PDFBox starts a paragraph only at
 * a wide enough gap between lines, and a heading often sits as close to its text as two lines of it do: a larger or
 * bold line, or a short line numbered like a section ({@code 2.1 Scope}), then the paragraph's first line. Such a line
 * is a heading of its own, not the first words of a sentence. A line whose words stand in columns, far apart, is a
 * table row: each column is a cell.
 */
final class ParagraphLayout {
    /** Two sizes differ when one is this much larger than the other (a 10 pt heading over 9 pt text does not). */
    static final float SIZE_STEP = 1.15f;
    /** A gap between two words this many type sizes wide separates table cells; a justified word space is under 1. */
    static final float CELL_GAP = 2.5f;
    /** Table cells are labels and values: a column of longer text is a column of prose (a two-column page). */
    static final int MAX_CELL_WORDS = 8;
    /** A numbered heading: "2.1 Scope", "3.4.9. Standard file-reading/writing code", "IV. Results", then no full stop. */
    private static final Pattern NUMBERED = Pattern.compile(
            "(?:\\d{1,2}(?:\\.\\d{1,2}){0,4}\\.?|[IVX]{1,5}\\.|[A-H]\\.)\\s+\\p{Lu}[^.;:,!?]*");
    private static final int MAX_NUMBERED_WORDS = 10;

    private ParagraphLayout() {
    }

    /**
     * Whether text of {@code visible} characters, {@code fixedPitch} of them in a fixed-pitch font, is code: all of it,
     * or all but a stray glyph in twenty (an accent TeX draws from a font of its own).
     */
    static boolean code(int fixedPitch, int visible) {
        return visible > 0 && fixedPitch * 20 >= visible * 19;
    }

    /** Whether a line in type size {@code size} is set larger than text in {@code bodySize}. */
    static boolean larger(float size, float bodySize) {
        return size > 0 && bodySize > 0 && size >= SIZE_STEP * bodySize;
    }

    /**
     * Whether line {@code before} (text {@code beforeText}) ends a heading and {@code after} starts the text under it,
     * or one of them is code and the other prose ({@link #codeStarts}): their type sizes differ, or {@code before} is short, set in bold over a line that is not, and does not end a
     * sentence, or {@code before}
     * is short and numbered like a section and {@code after} starts with a capital.
     */
    static boolean headingEnds(LineStyle before, String beforeText, LineStyle after, String afterText, float rightEdge) {
        float a = before.size();
        float b = after.size();
        if (a <= 0 || b <= 0) {
            return false;
        }
        if (larger(a, b) || larger(b, a) || codeStarts(before, beforeText, after, a)) {
            return true;
        }
        boolean shortLine = before.endX <= rightEdge - 3 * a;
        if (!shortLine) {
            return false;
        }
        if (before.allBold && !after.allBold && !endsSentence(beforeText)) {
            return true;
        }
        return numbered(beforeText) && !afterText.isEmpty() && Character.isUpperCase(afterText.charAt(0));
    }

    /**
     * Whether a code line follows prose or prose follows code: one line is set in a fixed-pitch font, the other not,
     * and the code is indented from the prose or announced by it ("... a function declared as:"). A wrapped sentence
     * whose next line happens to hold only an identifier in code type starts where the sentence does, after no colon.
     */
    private static boolean codeStarts(LineStyle before, String beforeText, LineStyle after, float size) {
        boolean codeBefore = code(before.fixedPitchChars, before.visibleChars);
        boolean codeAfter = code(after.fixedPitchChars, after.visibleChars);
        if (codeBefore == codeAfter) {
            return false;
        }
        return Math.abs(before.startX - after.startX) >= size || (codeAfter && beforeText.endsWith(":"));
    }

    /** A bold sentence opening a paragraph ("Note well. ...") is emphasis, not a heading: headings have no full stop. */
    private static boolean endsSentence(String lineText) {
        return !lineText.isEmpty() && ".;,".indexOf(lineText.charAt(lineText.length() - 1)) >= 0;
    }

    /** Whether a line's text alone is numbered like a section heading (see {@link #headingEnds}). */
    static boolean numbered(String lineText) {
        return NUMBERED.matcher(lineText).matches() && lineText.split("\\s+").length <= MAX_NUMBERED_WORDS;
    }

    /** Whether a run of words is short enough for a table cell. */
    static boolean cellSized(CharSequence cell) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < cell.length(); i++) {
            boolean blank = Character.isWhitespace(cell.charAt(i));
            if (!blank && !inWord) {
                words++;
            }
            inWord = !blank;
        }
        return words > 0 && words <= MAX_CELL_WORDS;
    }
}
