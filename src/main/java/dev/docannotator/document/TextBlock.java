package dev.docannotator.document;

/**
 * One paragraph-like unit of a document's extracted text: {@code text.substring(start, end)}.
 * {@code page} is 1-based (PDF only), {@code paragraph} is 1-based in reading order; either may be null.
 * {@code kind} says what the block is ({@link BlockKind#PROSE} when a reader cannot tell, or for checkpoints
 * written before blocks had a kind).
 */
public record TextBlock(int start, int end, Integer page, Integer paragraph, BlockKind kind) {
    public TextBlock {
        kind = kind == null ? BlockKind.PROSE : kind;
    }

    /** A prose block. */
    public TextBlock(int start, int end, Integer page, Integer paragraph) {
        this(start, end, page, paragraph, BlockKind.PROSE);
    }

    public int length() {
        return end - start;
    }

    /** The same block with another kind. */
    public TextBlock withKind(BlockKind newKind) {
        return new TextBlock(start, end, page, paragraph, newKind);
    }
}
