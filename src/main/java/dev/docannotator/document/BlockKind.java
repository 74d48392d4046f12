package dev.docannotator.document;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a block is in its document's layout. Readers set it from what the format says (a Word heading style, a
 * Markdown fence, a PDF line repeated on every page); checks decide which kinds they read.
 */
public enum BlockKind {
    /**
     * Running text: a paragraph of sentences. Also what a stored block of a kind this version does not know reads as
     * (a checkpoint or worker message written by a newer version, then rolled back), so its task can still resume.
     */
    @JsonEnumDefaultValue
    PROSE,
    /** A title or section heading (often capitals, no final full stop). */
    HEADING,
    /** One item of a bulleted or numbered list. */
    LIST_ITEM,
    /** One cell of a table: short labels and values, not sentences that run on into the next cell. */
    TABLE_CELL,
    /** Source code, commands, configuration: fenced or indented Markdown, code-styled Word paragraphs. */
    CODE,
    /**
     * Page furniture: running headers and footers, page numbers (PDF); the lines a Word table of contents or index
     * field generates. Not the author's text of this place.
     */
    FURNITURE,
    /**
     * A paragraph of a footnote or endnote (Word): the author's prose, set apart from the body and read after it,
     * so a check may treat it on its own (a citation's long sentence, an acronym defined only in the body).
     */
    NOTE,
    /**
     * An entry of a list of cited works ({@code [2] J.M. Kahn, R.H. Katz and K.S.J. Pister, "Mobile networking ...",
     * ACM/IEEE ...}): authors' names, a title quoted as published, a venue's abbreviations. Not the author's
     * sentences, so the checks that read prose and words leave it; a requested-terms check still reads it. In Markdown
     * also a paragraph that is nothing but a link to another work ({@code [Title of an article](https://…)}, a line of
     * a further-reading list).
     */
    REFERENCE,
    /**
     * A block quotation (Markdown {@code >}): words someone else wrote, quoted as they were (survey answers, a mail,
     * a forum post). Not the author's prose, so the checks that judge the author's writing leave it. A note set off
     * the same way ({@code > **Note:** …}) is the author's own and stays prose.
     */
    QUOTATION;

    /**
     * Whether a check that reads prose reads this kind unless it says otherwise: everything but code, furniture,
     * references and quotations.
     */
    public boolean readAsProse() {
        return this != CODE && this != FURNITURE && this != REFERENCE && this != QUOTATION;
    }
}
