package dev.docannotator.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Accumulates the {@link ExtractedText} block by block while a document is read. */
public final class TextBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<TextBlock> blocks = new ArrayList<>();
    private final Set<UnreadContent> unread = EnumSet.noneOf(UnreadContent.class);

    public TextBuilder() {
    }

    /** Continues from text already read (resume from a checkpoint). */
    public TextBuilder(ExtractedText soFar) {
        text.append(soFar.text());
        blocks.addAll(soFar.blocks());
        unread.addAll(soFar.unread());
    }

    /** Records content the document holds that the reader does not read (said in the run's result). */
    public void addUnread(Collection<UnreadContent> kinds) {
        unread.addAll(kinds);
    }

    /** Adds one prose block; a '\n' separator is put before every block but the first. */
    public TextBlock append(String blockText, Integer page, Integer paragraph) {
        return append(blockText, page, paragraph, BlockKind.PROSE);
    }

    /** Adds one block of the given kind; a '\n' separator is put before every block but the first. */
    public TextBlock append(String blockText, Integer page, Integer paragraph, BlockKind kind) {
        if (!blocks.isEmpty()) {
            text.append('\n');
        }
        int start = text.length();
        text.append(blockText);
        TextBlock block = new TextBlock(start, text.length(), page, paragraph, kind);
        blocks.add(block);
        return block;
    }

    /** Changes the kind of block {@code index} (0-based), for readers that learn it only later (PDF page furniture). */
    public void setKind(int index, BlockKind kind) {
        blocks.set(index, blocks.get(index).withKind(kind));
    }

    /** The block at {@code index} (0-based). */
    public TextBlock block(int index) {
        return blocks.get(index);
    }

    /** The text of block {@code index}. */
    public String blockText(int index) {
        TextBlock block = blocks.get(index);
        return text.substring(block.start(), block.end());
    }

    /** The text built so far (a view: do not keep it across appends). */
    public CharSequence text() {
        return text;
    }

    /** What the document holds that was not read, as recorded so far. */
    public List<UnreadContent> unread() {
        return ExtractedText.ordered(unread);
    }

    public int length() {
        return text.length();
    }

    public int blockCount() {
        return blocks.size();
    }

    public ExtractedText build() {
        return new ExtractedText(text.toString(), blocks, List.copyOf(unread));
    }
}
