package dev.docannotator.document.docx;

import java.util.List;
import org.w3c.dom.Element;

/**
 * The text of one {@code w:p} and, for every character, the run it came from
 * (the run holding offset {@code i} is {@link #runAt(int)}, at offset {@code i - run.start()} inside it).
 */
record ParagraphText(Element paragraph, String text, List<RunText> runs) {
    ParagraphText {
        runs = List.copyOf(runs);
    }

    int length() {
        return text.length();
    }

    /** The run holding the character at {@code offset} ({@code 0 <= offset < length()}). */
    RunText runAt(int offset) {
        int lo = 0;
        int hi = runs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            RunText run = runs.get(mid);
            if (offset < run.start()) {
                hi = mid - 1;
            } else if (offset >= run.end()) {
                lo = mid + 1;
            } else {
                return run;
            }
        }
        throw new IllegalArgumentException("Offset " + offset + " is outside the paragraph text of length " + length());
    }

    RunText firstRun() {
        return runs.get(0);
    }

    RunText lastRun() {
        return runs.get(runs.size() - 1);
    }
}
