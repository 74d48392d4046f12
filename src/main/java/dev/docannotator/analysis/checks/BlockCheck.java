package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBlock;
import java.util.Set;

/** A check that looks at one block at a time. Implementations are stateless and thread-safe. */
public interface BlockCheck {
    Check check();

    /**
     * Reports what {@code blockText} (the text of {@code block}, masked by {@link dev.docannotator.analysis.text.ProseMask}
     * unless {@link #readsMasked()} says otherwise: same length, code and URLs hidden) contains.
     */
    void inspect(TextBlock block, String blockText, Findings out);

    /** The kinds of block this check reads; sentences (prose and list items) unless it says otherwise. */
    default Set<BlockKind> reads() {
        return Kinds.SENTENCES;
    }

    /** Whether this check reads blocks of {@code kind}. */
    default boolean reads(BlockKind kind) {
        return reads().contains(kind);
    }

    /** Whether this check reads prose with code, URLs, paths and the like hidden (most do). */
    default boolean readsMasked() {
        return true;
    }
}
