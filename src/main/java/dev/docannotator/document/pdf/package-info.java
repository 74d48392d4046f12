/**
 * The PDF format: reads a PDF page by page into paragraph blocks with PDFBox, and writes each annotation
 * back as a yellow highlight (with a popup note) on exactly the glyphs of its quote.
 *
 * <p>Reader and applier share one {@link dev.docannotator.document.pdf.PageTextStripper}, so an offset into the
 * extracted text always designates the same glyph. Documents are opened with a temp-file-backed stream cache,
 * so the heap a task needs does not grow with the size of the PDF.
 */
package dev.docannotator.document.pdf;
