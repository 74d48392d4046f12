package dev.docannotator.analysis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Quoted speech in a block: “…”, "…", 「…」, 『…』 and ‘…’ (curly single quotes only: a straight one is too often an
 * apostrophe). Style advice does not apply to words someone else said or to a term being quoted.
 */
public final class Quotations {
    private static final String OPEN = "“\"「『‘";
    private static final String CLOSE = "”\"」』’";

    private Quotations() {
    }

    /** The quoted stretches of {@code text}, quote marks included; an unclosed quote quotes nothing. */
    public static List<Span> find(String text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int kind = OPEN.indexOf(text.charAt(i));
            if (kind < 0) {
                i++;
                continue;
            }
            int close = text.indexOf(CLOSE.charAt(kind), i + 1);
            if (close < 0 || close - i > 600) {
                i++;
                continue;
            }
            out.add(new Span(i, close + 1));
            i = close + 1;
        }
        return out;
    }

    /** True when {@code [start, end)} lies inside one of {@code quoted}. */
    public static boolean inside(List<Span> quoted, int start, int end) {
        for (Span q : quoted) {
            if (q.start() <= start && end <= q.end()) {
                return true;
            }
        }
        return false;
    }
}
