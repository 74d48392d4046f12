package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.TextBlock;

/** A check that looks at one block at a time. Implementations are stateless and thread-safe. */
public interface BlockCheck {
    Check check();

    /** Reports what {@code blockText} (the text of {@code block}) contains. */
    void inspect(TextBlock block, String blockText, Findings out);
}
