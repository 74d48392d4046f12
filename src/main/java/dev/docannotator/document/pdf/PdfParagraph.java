package dev.docannotator.document.pdf;

/**
 * One paragraph of a page: its text (never containing '\n') and, for each character, the glyph that
 * produced it and the line it sits on. Characters the extractor inserted (word and line separators)
 * have glyph -1.
 */
record PdfParagraph(String text, int[] glyphOfChar, int[] lineOfChar) {
}
