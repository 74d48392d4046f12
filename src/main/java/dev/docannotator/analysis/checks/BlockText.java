package dev.docannotator.analysis.checks;

import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One block a document-wide check reads, with its text masked for prose checks (same length as the original). */
record BlockText(TextBlock block, String text) {

    /** The blocks of {@code document} whose kind is one of {@code kinds}, in reading order, masked. */
    static List<BlockText> of(ExtractedText document, Set<BlockKind> kinds) {
        List<BlockText> out = new ArrayList<>();
        for (TextBlock block : document.blocks()) {
            if (kinds.contains(block.kind())) {
                out.add(new BlockText(block, ProseMask.mask(document.blockText(block)).text()));
            }
        }
        return out;
    }
}
