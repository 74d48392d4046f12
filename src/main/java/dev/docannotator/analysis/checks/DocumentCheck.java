package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.ExtractedText;

/** A check that needs the whole document at once. Implementations are stateless and thread-safe. */
public interface DocumentCheck {
    Check check();

    void inspect(ExtractedText text, Findings out);
}
