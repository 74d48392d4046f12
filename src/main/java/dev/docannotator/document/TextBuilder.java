package dev.docannotator.document;

import java.util.ArrayList;
import java.util.List;

/** Accumulates the {@link ExtractedText} block by block while a document is read. */
public final class TextBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<TextBlock> blocks = new ArrayList<>();

    public TextBuilder() {
    }

    /** Continues from text already read (resume from a checkpoint). */
    public TextBuilder(ExtractedText soFar) {
        text.append(soFar.text());
        blocks.addAll(soFar.blocks());
    }

    /** Adds one block; a '\n' separator is put before every block but the first. */
    public TextBlock append(String blockText, Integer page, Integer paragraph) {
        if (!blocks.isEmpty()) {
            text.append('\n');
        }
        int start = text.length();
        text.append(blockText);
        TextBlock block = new TextBlock(start, text.length(), page, paragraph);
        blocks.add(block);
        return block;
    }

    public int length() {
        return text.length();
    }

    public int blockCount() {
        return blocks.size();
    }

    public ExtractedText build() {
        return new ExtractedText(text.toString(), blocks);
    }
}
