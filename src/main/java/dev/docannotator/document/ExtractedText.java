package dev.docannotator.document;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * The text model of a document: its extracted text and the blocks it is made of, in reading order.
 * Blocks are separated by exactly one '\n' that belongs to no block. Reader and applier build it the same way,
 * so an offset means the same character in both. {@code unread} names what the document holds that was not read
 * (in {@link UnreadContent} order, each once; empty for checkpoints written before it existed).
 */
public record ExtractedText(String text, List<TextBlock> blocks, List<UnreadContent> unread) {
    public ExtractedText {
        blocks = List.copyOf(blocks);
        unread = ordered(unread);
    }

    /** A text whose document was read whole. */
    public ExtractedText(String text, List<TextBlock> blocks) {
        this(text, blocks, List.of());
    }

    public static ExtractedText empty() {
        return new ExtractedText("", List.of());
    }

    /** Each kind once, in declaration order, so that equal texts compare and serialise equal. */
    static List<UnreadContent> ordered(Collection<UnreadContent> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return List.of();
        }
        return List.copyOf(EnumSet.copyOf(kinds));
    }

    public String blockText(TextBlock block) {
        return text.substring(block.start(), block.end());
    }

    /** The block containing offset {@code offset}, or null when it falls on a separator. */
    public TextBlock blockAt(int offset) {
        int lo = 0;
        int hi = blocks.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TextBlock b = blocks.get(mid);
            if (offset < b.start()) {
                hi = mid - 1;
            } else if (offset >= b.end()) {
                lo = mid + 1;
            } else {
                return b;
            }
        }
        return null;
    }
}
