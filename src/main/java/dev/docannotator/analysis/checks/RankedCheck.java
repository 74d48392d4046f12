package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.document.ExtractedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs a check over the whole document, keeps its strongest findings up to the category's limit (in document order)
 * and summarises the rest in one annotation anchored on the first finding left out, so that {@code quote} is still the
 * text at its offsets. A style check that flags every passive of a licence would otherwise bury the few findings
 * worth acting on.
 */
public final class RankedCheck implements DocumentCheck {
    private final Check check;
    private final BiConsumer<ExtractedText, Findings> source;
    private final Ranking ranking;

    private RankedCheck(Check check, BiConsumer<ExtractedText, Findings> source, Ranking ranking) {
        this.check = check;
        this.source = source;
        this.ranking = ranking;
    }

    /** A block check run over every block it reads, masked as in the block steps. */
    public static RankedCheck of(BlockCheck inner) {
        return new RankedCheck(inner.check(), (text, out) -> {
            for (BlockText b : BlockText.of(out.facts(), inner.reads())) {
                inner.inspect(b.block(), inner.readsMasked() ? b.text() : text.blockText(b.block()), out);
            }
        }, Rankings.of(inner.check()));
    }

    /** A document check whose findings are capped the same way. */
    public static RankedCheck of(DocumentCheck inner) {
        return new RankedCheck(inner.check(), inner::inspect, Rankings.of(inner.check()));
    }

    @Override
    public Check check() {
        return check;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        Findings all = new Findings(out.facts(), out.language());
        source.accept(text, all);
        List<Annotation> found = all.all();
        Genre genre = out.facts().genre();
        int limit = ranking.limitFor(genre);
        if (found.size() <= limit + 1) {
            // a summary saves reading only when it stands for two findings or more
            found.forEach(out::add);
            return;
        }
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[found.size()];
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
            scores[i] = ranking.scorer().score(found.get(i), text);
        }
        // strongest first; on a tie the earlier finding wins, so the result does not depend on the sort
        order.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        boolean[] kept = new boolean[found.size()];
        order.subList(0, limit).forEach(i -> kept[i] = true);
        Annotation firstLeftOut = null;
        for (int i = 0; i < found.size(); i++) {
            if (kept[i]) {
                out.add(found.get(i));
            } else if (firstLeftOut == null) {
                firstLeftOut = found.get(i);
            }
        }
        // "This and N more": the anchor is one of the findings left out
        out.add(Rankings.summary(firstLeftOut, found.size() - limit - 1, limit, ranking.lowersFor(genre) ? genre : null,
                out));
    }
}
