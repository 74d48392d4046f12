package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.BlockKind;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags unfinished-work markers and placeholders: TODO, TBD, TBC, FIXME, XXX (upper case, whole words, so
 * "XXX公司" counts), "lorem ipsum", and Chinese 待定, 待补充, 待确认, 待完善.
 */
public final class TodoMarkersCheck implements BlockCheck {
    private static final Pattern MARKERS = Pattern.compile(
            Words.bounded("TODO|TBD|TBC|FIXME|XXX|[Ll]orem ipsum")
                    + "|待定|待补充|待确认|待完善|待更新");

    @Override
    public Check check() {
        return Check.TODO_MARKERS;
    }

    @Override
    public Set<BlockKind> reads() {
        return BlockKind.WORDS;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        Matcher m = MARKERS.matcher(text);
        while (m.find()) {
            String marker = m.group();
            out.add(block, m.start(), m.end(), Check.TODO_MARKERS, Severity.WARNING,
                    "\u201c" + marker + "\u201d marks unfinished content that must be completed before release.", null,
                    "todo_markers/" + marker.toLowerCase(Locale.ROOT).replace(' ', '_'));
        }
    }
}
