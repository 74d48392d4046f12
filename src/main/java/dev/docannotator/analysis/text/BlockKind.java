package dev.docannotator.analysis.text;

import dev.docannotator.document.TextBlock;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a block is, as far as the checks care: prose is read by every check, the other kinds only by the checks
 * that make sense there (no repeated words across table cells, no acronyms from headings in capitals, nothing from
 * code or page furniture).
 */
public enum BlockKind {
    PROSE, HEADING, LIST_ITEM, TABLE_CELL, CODE, PAGE_FURNITURE;

    /** Sentences an author wrote: prose and list items. */
    public static final Set<BlockKind> SENTENCES = Set.copyOf(EnumSet.of(PROSE, LIST_ITEM));
    /** Every kind that holds the author's words: all but code and page furniture. */
    public static final Set<BlockKind> WORDS = Set.copyOf(EnumSet.of(PROSE, LIST_ITEM, HEADING, TABLE_CELL));

    /**
     * The kind of {@code block}. The document model gives every block a kind of its own; a block that does not say
     * is prose.
     */
    public static BlockKind of(TextBlock block) {
        return PROSE;
    }
}
