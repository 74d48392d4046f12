package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBlock;

/** A check that looks at one block at a time. Implementations are stateless and thread-safe. */
public interface BlockCheck {
    Check check();

    /** Whether this check reads blocks of {@code kind}; by default prose-like blocks, never code or page furniture. */
    default boolean reads(BlockKind kind) {
        return kind.readAsProse();
    }

    /** Reports what {@code blockText} (the text of {@code block}) contains. */
    void inspect(TextBlock block, String blockText, Findings out);
}
