package dev.docannotator.analysis.llm;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into windows of whole blocks of at most {@code maxChars} characters (a longer block is a window on
 * its own: blocks are never split), each starting with the previous window's last block when that is short, so a
 * finding that spans the seam is still seen whole. Depends on the text alone, so a resumed run finds the same layout.
 */
final class Windows {
    private Windows() {
    }

    static List<Window> layout(ExtractedText text, int maxChars) {
        int overlapMax = Math.max(1, maxChars / 4); // "a little": at most a quarter of a window
        List<TextBlock> blocks = text.blocks().stream().filter(b -> b.length() > 0).toList();
        List<Window> windows = new ArrayList<>();
        int i = 0;
        while (i < blocks.size()) {
            int first = i;
            int end = blocks.get(i).end();
            i++;
            while (i < blocks.size() && blocks.get(i).end() - blocks.get(first).start() <= maxChars) {
                end = blocks.get(i).end();
                i++;
            }
            int start = blocks.get(first).start();
            if (first > 0 && blocks.get(first - 1).length() <= overlapMax
                    && end - blocks.get(first - 1).start() <= maxChars + overlapMax) {
                start = blocks.get(first - 1).start();
            }
            windows.add(new Window(start, blocks.get(first).start(), end));
        }
        return List.copyOf(windows);
    }
}
