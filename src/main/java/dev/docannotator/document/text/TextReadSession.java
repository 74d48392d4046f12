package dev.docannotator.document.text;

import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.util.List;

/** Reads a text document in chunks of lines; each line is one block numbered by its line number. */
final class TextReadSession implements ReadSession {
    static final int LINES_PER_UNIT = 200;
    private List<String> lines;

    TextReadSession(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public int unitCount() {
        return (lines.size() + LINES_PER_UNIT - 1) / LINES_PER_UNIT;
    }

    @Override
    public void readUnit(int index, TextBuilder out) {
        int from = index * LINES_PER_UNIT;
        int to = Math.min(lines.size(), from + LINES_PER_UNIT);
        for (int line = from; line < to; line++) {
            out.append(lines.get(line), null, line + 1);
        }
    }

    @Override
    public void close() {
        lines = List.of();
    }
}
