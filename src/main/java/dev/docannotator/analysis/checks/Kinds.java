package dev.docannotator.analysis.checks;

import dev.docannotator.document.BlockKind;
import java.util.EnumSet;
import java.util.Set;

/** The sets of block kinds the checks read. */
public final class Kinds {
    /** Sentences an author wrote: prose, list items and footnotes/endnotes (style checks). */
    public static final Set<BlockKind> SENTENCES = Set.copyOf(
            EnumSet.of(BlockKind.PROSE, BlockKind.LIST_ITEM, BlockKind.NOTE));
    /** Every kind that holds the author's words: all but code, page furniture and references. */
    public static final Set<BlockKind> WORDS = Set.copyOf(
            EnumSet.of(BlockKind.PROSE, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.TABLE_CELL, BlockKind.NOTE));

    /**
     * The author's words, the list of cited works and quotations: an unfinished "[4] TODO: add the venue" or "> TODO:
     * paste the third answer" is the author's too.
     */
    public static final Set<BlockKind> WORDS_AND_REFERENCES = Set.copyOf(
            EnumSet.of(BlockKind.PROSE, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.TABLE_CELL, BlockKind.NOTE,
                    BlockKind.REFERENCE, BlockKind.QUOTATION));

    private Kinds() {
    }
}
