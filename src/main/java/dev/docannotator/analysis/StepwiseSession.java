package dev.docannotator.analysis;

import dev.docannotator.analysis.checks.BlockCheck;
import dev.docannotator.analysis.checks.DocumentCheck;
import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.List;

/**
 * Step i &lt; blocks runs the block checks on block i; the last step runs the document checks. Every step reads only
 * the immutable text, so steps can be run in any order and from any index with the same result.
 */
final class StepwiseSession implements AnalysisSession {
    private final ExtractedText text;
    private final List<BlockCheck> blockChecks;
    private final List<DocumentCheck> documentChecks;
    private volatile boolean closed;

    StepwiseSession(ExtractedText text, List<BlockCheck> blockChecks, List<DocumentCheck> documentChecks) {
        this.text = text;
        this.blockChecks = List.copyOf(blockChecks);
        this.documentChecks = List.copyOf(documentChecks);
    }

    @Override
    public int stepCount() {
        return text.blocks().size() + 1;
    }

    @Override
    public List<Annotation> analyseStep(int index) {
        if (closed) {
            throw new IllegalStateException("The analysis session is closed");
        }
        if (index < 0 || index >= stepCount()) {
            throw new IndexOutOfBoundsException("Step " + index + " does not exist; there are " + stepCount());
        }
        Findings findings = new Findings(text);
        if (index < text.blocks().size()) {
            TextBlock block = text.blocks().get(index);
            String blockText = text.blockText(block);
            for (BlockCheck check : blockChecks) {
                check.inspect(block, blockText, findings);
            }
        } else {
            for (DocumentCheck check : documentChecks) {
                check.inspect(text, findings);
            }
        }
        return findings.sorted();
    }

    /** Holds nothing but references; LanguageTool instances stay with their threads for the next document. */
    @Override
    public void close() {
        closed = true;
    }
}
