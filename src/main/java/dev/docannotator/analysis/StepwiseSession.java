package dev.docannotator.analysis;

import dev.docannotator.analysis.checks.BlockCheck;
import dev.docannotator.analysis.checks.DocumentCheck;
import dev.docannotator.analysis.checks.DocumentFacts;
import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.analysis.text.Chunks;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.document.BlockKind;
import dev.docannotator.common.Language;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The block steps come first: a block of at most {@link #MAX_STEP_CHARS} characters is one step, a longer one is
 * cut into windows of at most that size at sentence boundaries ({@link Chunks}), one step each, so that no step
 * (LanguageTool above all) runs long on a huge paragraph. Then comes one step per selected document-wide check
 * (at least one step, empty when none is selected). Every step reads only the immutable text and the window layout,
 * which is computed from the text alone, so steps can be run in any order and from any index with the same result.
 */
final class StepwiseSession implements AnalysisSession {
    /** Most characters one block step reads; normal paragraphs are far shorter and stay one step. */
    static final int MAX_STEP_CHARS = 4_000;

    private final ExtractedText text;
    /** What the steps learn about the whole document once (its genre) and share. */
    private final DocumentFacts facts;
    /** The language the findings' messages are written in. */
    private final Language language;
    private final List<BlockCheck> blockChecks;
    private final List<DocumentCheck> documentChecks;
    /** firstStep[b] is the first step of block b; firstStep[blocks] is the number of block steps. */
    private final int[] firstStep;
    /** The windows of the blocks longer than a step may read, by block index, in block-local offsets. */
    private final Map<Integer, List<Span>> windows = new HashMap<>();
    private volatile boolean closed;

    /** {@code maxStepChars} is {@link #MAX_STEP_CHARS} except in tests that compare window sizes. */
    StepwiseSession(ExtractedText text, List<BlockCheck> blockChecks, List<DocumentCheck> documentChecks,
                    int maxStepChars, Language language) {
        this.text = text;
        this.facts = new DocumentFacts(text);
        this.language = language;
        this.blockChecks = List.copyOf(blockChecks);
        this.documentChecks = List.copyOf(documentChecks);
        List<TextBlock> blocks = text.blocks();
        this.firstStep = new int[blocks.size() + 1];
        for (int b = 0; b < blocks.size(); b++) {
            TextBlock block = blocks.get(b);
            int steps = 1;
            if (block.length() > maxStepChars) {
                List<Span> cut = Chunks.split(text.blockText(block), maxStepChars);
                windows.put(b, cut);
                steps = cut.size();
            }
            firstStep[b + 1] = Math.addExact(firstStep[b], steps);
        }
    }

    @Override
    public int stepCount() {
        return blockStepCount() + Math.max(1, documentChecks.size());
    }

    @Override
    public List<Annotation> analyseStep(int index) {
        if (closed) {
            throw new IllegalStateException("The analysis session is closed");
        }
        if (index < 0 || index >= stepCount()) {
            throw new IndexOutOfBoundsException("Step " + index + " does not exist; there are " + stepCount());
        }
        Findings findings = new Findings(facts, language);
        if (index < blockStepCount()) {
            int block = blockOf(index);
            TextBlock window = window(block, index);
            String windowText = text.blockText(window);
            BlockKind kind = window.kind();
            String masked = null;
            for (BlockCheck check : blockChecks) {
                if (!check.reads(kind)) {
                    continue;
                }
                if (check.readsMasked() && masked == null) {
                    // a whole block is masked once for this step and the document-wide checks
                    masked = windows.containsKey(block) ? ProseMask.mask(windowText).text() : facts.maskedBlock(block);
                }
                check.inspect(window, check.readsMasked() ? masked : windowText, findings);
            }
        } else if (!documentChecks.isEmpty()) {
            documentChecks.get(index - blockStepCount()).inspect(text, findings);
        }
        return findings.sorted();
    }

    /** The block that block step {@code index} reads. */
    private int blockOf(int index) {
        int found = Arrays.binarySearch(firstStep, 0, firstStep.length - 1, index);
        return found >= 0 ? found : -found - 2;
    }

    private int blockStepCount() {
        return firstStep[firstStep.length - 1];
    }

    /**
     * The part of the text that block step {@code index} reads, as a block with its block's page and paragraph:
     * checks report offsets relative to it, and {@link Findings} anchors them in the whole text.
     */
    private TextBlock window(int b, int index) {
        TextBlock block = text.blocks().get(b);
        List<Span> cut = windows.get(b);
        if (cut == null) {
            return block;
        }
        Span span = cut.get(index - firstStep[b]);
        return new TextBlock(block.start() + span.start(), block.start() + span.end(), block.page(), block.paragraph(),
                block.kind());
    }

    /** Holds nothing but references; LanguageTool instances stay with their threads for the next document. */
    @Override
    public void close() {
        closed = true;
    }
}
