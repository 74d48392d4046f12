package dev.docannotator.document.pdf;

import java.util.List;

/**
 * The text of one page as {@link PdfParagraph}s, plus the box of every glyph the paragraphs refer to.
 *
 * @param paragraphs non-blank paragraphs in reading order
 * @param glyphs     glyph boxes in user space; {@link PdfParagraph#glyphOfChar} indexes into this list. Empty when the
 *                   page was read for its text only ({@link PageTextStripper#readText}).
 */
record PageText(List<PdfParagraph> paragraphs, List<Quad> glyphs) {
    PageText {
        paragraphs = List.copyOf(paragraphs);
        glyphs = List.copyOf(glyphs);
    }
}
