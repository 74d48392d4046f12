package dev.docannotator.document.pdf;

import dev.docannotator.document.BlockKind;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One paragraph of a page: its text (never containing '\n') and, for each character, the glyph that
 * produced it and the line it sits on. Characters the extractor inserted (word and line separators)
 * have glyph -1. A paragraph read for its text only has empty index arrays. {@code hyphenBreaks} are the offsets
 * of hyphens that ended a line and were joined directly to the next line ({@code with-holding}); a session decides
 * which of them to drop ({@link #dropping}). {@code kind} is what the layout says the paragraph is: code when at least
 * 19 in 20 of its visible glyphs are set in a fixed-pitch font, or it has none (a program listing, a function
 * prototype, a command), a heading when it is
 * set apart by size or weight, table cells when a line's words stand in columns; prose otherwise.
 */
record PdfParagraph(String text, int[] glyphOfChar, int[] lineOfChar, int[] hyphenBreaks, BlockKind kind) {
    private static final int[] NONE = new int[0];

    PdfParagraph(String text, int[] glyphOfChar, int[] lineOfChar, int[] hyphenBreaks) {
        this(text, glyphOfChar, lineOfChar, hyphenBreaks, BlockKind.PROSE);
    }

    /** A paragraph without per-character indices, as {@link PageTextStripper#readText} returns them. */
    static PdfParagraph textOnly(String text, int[] hyphenBreaks, BlockKind kind) {
        return new PdfParagraph(text, NONE, NONE, hyphenBreaks, kind);
    }

    /** The same paragraph as another kind of block. */
    PdfParagraph withKind(BlockKind newKind) {
        return new PdfParagraph(text, glyphOfChar, lineOfChar, hyphenBreaks, newKind);
    }

    /** This paragraph without the hyphen candidates that {@code drop} (given their offset) says to drop. */
    PdfParagraph dropping(IntPredicate drop) {
        if (hyphenBreaks.length == 0) {
            return this; // most paragraphs: nothing to decide, no per-character mask to allocate
        }
        boolean[] dropped = new boolean[text.length()];
        int count = 0;
        for (int at : hyphenBreaks) {
            if (drop.test(at)) {
                dropped[at] = true;
                count++;
            }
        }
        if (count == 0) {
            return new PdfParagraph(text, glyphOfChar, lineOfChar, NONE, kind);
        }
        boolean indexed = glyphOfChar.length == text.length();
        StringBuilder kept = new StringBuilder(text.length() - count);
        int[] glyphs = indexed ? new int[text.length() - count] : NONE;
        int[] lines = indexed ? new int[text.length() - count] : NONE;
        for (int i = 0, j = 0; i < text.length(); i++) {
            if (!dropped[i]) {
                kept.append(text.charAt(i));
                if (indexed) {
                    glyphs[j] = glyphOfChar[i];
                    lines[j] = lineOfChar[i];
                }
                j++;
            }
        }
        return new PdfParagraph(kept.toString(), glyphs, lines, NONE, kind);
    }

    /**
     * This paragraph with the hyphen candidates dropped that {@code resolved} (the block text the reader produced
     * from it) does not have, or null when {@code resolved} is not this paragraph's text with some of them dropped.
     */
    PdfParagraph matching(String resolved) {
        boolean[] drop = new boolean[text.length()];
        int i = 0;
        int j = 0;
        int next = 0;
        while (i < text.length()) {
            while (next < hyphenBreaks.length && hyphenBreaks[next] < i) {
                next++;
            }
            boolean candidate = next < hyphenBreaks.length && hyphenBreaks[next] == i;
            if (j < resolved.length() && resolved.charAt(j) == text.charAt(i)) {
                i++;
                j++;
            } else if (candidate) {
                drop[i++] = true;
            } else {
                return null;
            }
        }
        return j == resolved.length() ? dropping(at -> drop[at]) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdfParagraph p && text.equals(p.text) && Arrays.equals(glyphOfChar, p.glyphOfChar)
                && Arrays.equals(lineOfChar, p.lineOfChar) && Arrays.equals(hyphenBreaks, p.hyphenBreaks) && kind == p.kind;
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "PdfParagraph[" + text + "]";
    }
}
