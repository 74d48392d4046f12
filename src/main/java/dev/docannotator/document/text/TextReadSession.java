package dev.docannotator.document.text;

import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.util.List;

/**
 * Reads a laid-out text document in chunks of blocks; each block is numbered by its place in the document
 * (the n-th paragraph, heading, list item, cell or code line).
 */
final class TextReadSession implements ReadSession {
    static final int BLOCKS_PER_UNIT = 200;
    private List<TextLayout.Block> blocks;

    TextReadSession(List<TextLayout.Block> blocks) {
        this.blocks = blocks;
    }

    @Override
    public int unitCount() {
        return (blocks.size() + BLOCKS_PER_UNIT - 1) / BLOCKS_PER_UNIT;
    }

    @Override
    public void readUnit(int index, TextBuilder out) {
        int from = index * BLOCKS_PER_UNIT;
        int to = Math.min(blocks.size(), from + BLOCKS_PER_UNIT);
        for (int b = from; b < to; b++) {
            TextLayout.Block block = blocks.get(b);
            out.append(block.text(), null, b + 1, block.kind());
        }
    }

    @Override
    public void close() {
        blocks = List.of();
    }
}
