/**
 * Word (DOCX) documents, read and annotated with Apache POI.
 *
 * <p>What is read: the main body — paragraphs and table cells (nested tables and content controls too) in document
 * order — and then the footnotes and the endnotes the body refers to, each in the order of its first reference (the
 * order Word numbers them in). One read unit is one top-level body element (a paragraph or a whole table) or one whole
 * note; each paragraph is one text block, numbered 1, 2, 3 … in reading order, empty paragraphs included, and a
 * note's prose paragraphs are {@link dev.docannotator.document.BlockKind#NOTE} blocks. Inside a paragraph the text of
 * runs, hyperlinks, simple fields, the visible result of complex fields, tracked insertions and the base text of ruby
 * is kept; tabs become {@code '\t'} and line breaks a space. A note's number mark and the spacing after it are not
 * text, nor are the separator notes Word writes into every notes part.
 *
 * <p>Knowingly skipped: headers, footers, existing comments, text boxes and shapes, deleted (tracked) text, directly
 * hidden text ({@code w:vanish}), field instructions, equations, embedded objects and {@code altChunk} imports. When a
 * document has headers or footers, text boxes or imports with words in them, the read session says so
 * ({@link dev.docannotator.document.ReadSession#unread()}) and the run's result carries a note.
 *
 * <p>What is written: one Word review comment per annotation (author "DocAnnotator", initials "DA"), anchored to
 * exactly the annotated characters, in the body or inside the footnote or endnote that holds them; comments already in
 * the document are kept. The uploaded file itself is never written: reading opens it read-only and annotating works
 * on a private temporary copy.
 */
package dev.docannotator.document.docx;
