package dev.docannotator.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the list of cited works at the end of a paper or report (PDF, where such lists are common and the reader has
 * no style to go by): each entry opens with its citation label and its first author, as IEEE and most numbered styles set it ({@code [3] D. Popa and
 * H.E. Stephanou, "Micro and meso scale ...", SME Journal of ...}, {@code [12] Akiyama, T. and Shono, K., ...}). Such
 * an entry is names, a title as published and a venue's abbreviations: spelling a surname or defining "SME" is not the
 * citing author's to do. One paragraph that happens to open this way is not a list: it takes a run of
 * {@value #MIN_ENTRIES} entries with at most {@value #MAX_GAP} other blocks between one and the next (an entry the
 * layout broke in two, a page's heading between), so that entries scattered through the prose never make a list.
 */
public final class ReferenceEntries {
    static final int MIN_ENTRIES = 3;
    static final int MAX_GAP = 2;
    /**
     * A label "[n]" and an author: initials then a surname ({@code P. Dario}, {@code J.M. Kahn}, {@code B. R. Donald}),
     * or a surname then initials ({@code Akiyama, T.}).
     */
    private static final Pattern ENTRY = Pattern.compile(
            "\\[\\d{1,3}]\\s*(?:(?:\\p{Lu}\\.[\\s-]?){1,3}\\s*\\p{Lu}[\\p{L}'’-]+|\\p{Lu}[\\p{L}'’-]+,\\s*\\p{Lu}\\.)");

    private ReferenceEntries() {
    }

    /** Marks the prose and list items of {@code text} that are entries of a list of cited works as references. */
    public static void mark(TextBuilder text) {
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < text.blockCount(); i++) {
            BlockKind kind = text.block(i).kind();
            if ((kind == BlockKind.PROSE || kind == BlockKind.LIST_ITEM) && ENTRY.matcher(text.blockText(i)).lookingAt()) {
                entries.add(i);
            }
        }
        int runStart = 0;
        for (int e = 1; e <= entries.size(); e++) {
            boolean runEnds = e == entries.size() || entries.get(e) - entries.get(e - 1) - 1 > MAX_GAP;
            if (runEnds) {
                if (e - runStart >= MIN_ENTRIES) {
                    for (int i : entries.subList(runStart, e)) {
                        text.setKind(i, BlockKind.REFERENCE);
                    }
                }
                runStart = e;
            }
        }
    }
}
