/**
 * Word (DOCX) documents, read and annotated with Apache POI.
 *
 * <p>What is read: the main body only — paragraphs and table cells (nested tables and content controls too) in
 * document order. One read unit is one top-level body element (a paragraph or a whole table); each paragraph is one
 * text block, numbered 1, 2, 3 … in reading order, empty paragraphs included. Inside a paragraph the text of runs,
 * hyperlinks, simple fields, the visible result of complex fields and tracked insertions is kept; tabs become
 * {@code '\t'} and line breaks a space.
 *
 * <p>Knowingly skipped: headers, footers, footnotes, endnotes, existing comments, text boxes and shapes, deleted
 * (tracked) text, directly hidden text ({@code w:vanish}), field instructions, equations, embedded objects and
 * {@code altChunk} imports.
 *
 * <p>What is written: one Word review comment per annotation (author "DocAnnotator", initials "DA"), anchored to
 * exactly the annotated characters; comments already in the document are kept. The uploaded file itself is never
 * written: reading opens it read-only and annotating works on a private temporary copy.
 */
package dev.docannotator.document.docx;
