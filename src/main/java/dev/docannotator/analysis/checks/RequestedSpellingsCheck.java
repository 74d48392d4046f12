package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spellings the requirement asked to keep consistent ("make sure 'sign in' and 'log in' are used
 * consistently"): when the document uses more than one of them, every use of the less frequent ones is flagged with
 * the most frequent one as the suggestion (on a tie, the one the requirement named first).
 */
public final class RequestedSpellingsCheck implements DocumentCheck {
    private final List<String> spellings;
    private final TermsCheck finder;

    public RequestedSpellingsCheck(List<String> spellings) {
        this.spellings = List.copyOf(spellings);
        this.finder = new TermsCheck(spellings);
    }

    @Override
    public Check check() {
        return Check.INCONSISTENT_TERMS;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        Findings uses = new Findings(text);
        for (TextBlock block : text.blocks()) {
            finder.inspect(block, text.blockText(block), uses);
        }
        Map<String, List<Annotation>> bySpelling = new LinkedHashMap<>();
        for (String spelling : spellings) {
            bySpelling.put(spelling.toLowerCase(Locale.ROOT), new ArrayList<>());
        }
        for (Annotation use : uses.sorted()) {
            List<Annotation> list = bySpelling.get(use.quote().toLowerCase(Locale.ROOT));
            if (list != null) {
                list.add(use);
            }
        }
        bySpelling.values().removeIf(List::isEmpty);
        if (bySpelling.size() < 2) {
            return;
        }
        String dominant = null;
        int most = 0;
        for (Map.Entry<String, List<Annotation>> e : bySpelling.entrySet()) {
            if (e.getValue().size() > most) {
                most = e.getValue().size();
                dominant = e.getKey();
            }
        }
        String preferred = bySpelling.get(dominant).get(0).quote();
        for (Map.Entry<String, List<Annotation>> e : bySpelling.entrySet()) {
            if (e.getKey().equals(dominant)) {
                continue;
            }
            for (Annotation use : e.getValue()) {
                TextBlock block = text.blockAt(use.start());
                out.add(block, use.start() - block.start(), use.end() - block.start(), Check.INCONSISTENT_TERMS,
                        Severity.WARNING, out.message("inconsistent_terms.message", use.quote(), preferred, most),
                        preferred, "inconsistent_terms/requested");
            }
        }
    }
}
