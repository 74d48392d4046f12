package dev.docannotator.document;

import java.util.List;

/** The text of each block a reader produced, in reading order: what the paragraph-splitting tests compare. */
public final class BlockTexts {
    private BlockTexts() {
    }

    public static List<String> of(ExtractedText text) {
        return text.blocks().stream().map(text::blockText).toList();
    }
}
