package dev.docannotator.document;

import java.util.List;

/** The text (and kind) of each block a reader produced, in reading order: what the paragraph-splitting tests compare. */
public final class BlockTexts {
    private BlockTexts() {
    }

    public static List<String> of(ExtractedText text) {
        return text.blocks().stream().map(text::blockText).toList();
    }

    /** A block's text with the kind the reader gave it. */
    public record Kinded(String text, BlockKind kind) {
    }

    public static List<Kinded> withKinds(ExtractedText text) {
        return text.blocks().stream().map(b -> new Kinded(text.blockText(b), b.kind())).toList();
    }
}
