package dev.docannotator.analysis.checks;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One block a document-wide check reads, with its text masked for prose checks (same length as the original). */
record BlockText(TextBlock block, String text) {

    /** The blocks of the document whose kind is one of {@code kinds}, in reading order, masked. */
    static List<BlockText> of(DocumentFacts document, Set<BlockKind> kinds) {
        List<BlockText> out = new ArrayList<>();
        List<TextBlock> blocks = document.text().blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (kinds.contains(blocks.get(i).kind())) {
                out.add(new BlockText(blocks.get(i), document.maskedBlock(i)));
            }
        }
        return out;
    }
}
