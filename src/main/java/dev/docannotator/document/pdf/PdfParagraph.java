package dev.docannotator.document.pdf;

/**
 * One paragraph of a page: its text (never containing '\n') and, for each character, the glyph that
 * produced it and the line it sits on. Characters the extractor inserted (word and line separators)
 * have glyph -1. A paragraph read for its text only has empty index arrays.
 */
record PdfParagraph(String text, int[] glyphOfChar, int[] lineOfChar) {
    private static final int[] NONE = new int[0];

    /** A paragraph without per-character indices, as {@link PageTextStripper#readText} returns them. */
    static PdfParagraph textOnly(String text) {
        return new PdfParagraph(text, NONE, NONE);
    }
}
