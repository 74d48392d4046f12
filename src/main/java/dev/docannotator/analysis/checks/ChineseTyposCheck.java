package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBlock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commonly confused Chinese words (错别字): 既使 for 即使, 因该 for 应该, 登陆 for 登录 when logging in. The pairs and the
 * context each needs to stay precise are in {@code checks/typos_zh.tsv}, which names its sources.
 */
public final class ChineseTyposCheck implements BlockCheck {
    private static final String LIST = "checks/typos_zh.tsv";
    private static final int NEAR = 12;

    /** One pair of the list: where the wrong form is wrong, and what is right. */
    record Entry(String wrong, String right, Pattern pattern, Pattern near) {
    }

    private final List<Entry> entries;

    public ChineseTyposCheck() {
        this.entries = load();
    }

    @Override
    public Check check() {
        return Check.TYPOS_ZH;
    }

    @Override
    public Set<BlockKind> reads() {
        return Kinds.WORDS;
    }

    /** The number of pairs in the list. */
    int size() {
        return entries.size();
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        for (Entry e : entries) {
            if (!text.contains(e.wrong())) {
                continue;
            }
            Matcher m = e.pattern().matcher(text);
            while (m.find()) {
                if (e.near() != null && !e.near().matcher(text.substring(Math.max(0, m.start() - NEAR),
                        Math.min(text.length(), m.end() + NEAR))).find()) {
                    continue;
                }
                String message = out.message("typos_zh.message", e.wrong(), e.right());
                out.add(block, m.start(), m.end(), Check.TYPOS_ZH, Severity.ERROR, message, e.right(),
                        "typos_zh/" + e.wrong());
            }
        }
    }

    private static List<Entry> load() {
        return ResourceLines.read(LIST).stream().map(ChineseTyposCheck::parse).toList();
    }

    static Entry parse(String line) {
        String[] cols = line.split("\t");
        if (cols.length < 2) {
            throw new IllegalArgumentException("A typo entry needs a wrong and a right form: " + line);
        }
        String before = "";
        String after = "";
        String notAfter = "";
        Pattern near = null;
        for (int i = 2; i < cols.length; i++) {
            String c = cols[i];
            if (c.startsWith("before:")) {
                before = "(?<![" + c.substring(7) + "])"; // Han characters only, nothing to escape
            } else if (c.startsWith("after:")) {
                after = "(?=" + c.substring(6) + ")";
            } else if (c.startsWith("notafter:")) {
                notAfter = "(?!" + c.substring(9) + ")";
            } else if (c.startsWith("near:")) {
                near = Pattern.compile(c.substring(5));
            } else {
                throw new IllegalArgumentException("Unknown condition \"" + c + "\" in: " + line);
            }
        }
        return new Entry(cols[0], cols[1], Pattern.compile(before + Pattern.quote(cols[0]) + after + notAfter), near);
    }
}
