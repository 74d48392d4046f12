package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.document.TextBlock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every occurrence of the requested terms, ignoring case. A term that starts or ends with a Latin
 * letter or digit must match whole words there ("log" does not match inside "login"); Chinese terms match anywhere.
 */
public final class TermsCheck implements BlockCheck {
    private final List<String> terms;

    public TermsCheck(List<String> terms) {
        this.terms = terms.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    @Override
    public Check check() {
        return Check.TERMS;
    }

    /** The user asked for these terms: every kind of block, as written (a term may well be code). */
    @Override
    public Set<BlockKind> reads() {
        return EnumSet.allOf(BlockKind.class);
    }

    @Override
    public boolean readsMasked() {
        return false;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        for (String term : terms) {
            boolean boundedLeft = Scripts.isLatinWordChar(term.charAt(0));
            boolean boundedRight = Scripts.isLatinWordChar(term.charAt(term.length() - 1));
            int from = 0;
            while (from + term.length() <= text.length()) {
                int at = indexOfIgnoreCase(text, term, from);
                if (at < 0) {
                    break;
                }
                int end = at + term.length();
                boolean leftOk = !boundedLeft || at == 0 || !Scripts.isLatinWordChar(text.charAt(at - 1));
                boolean rightOk = !boundedRight || end == text.length() || !Scripts.isLatinWordChar(text.charAt(end));
                if (leftOk && rightOk) {
                    out.add(block, at, end, Check.TERMS, Severity.INFO,
                            out.message("terms.requested", term), null, "terms/requested");
                    from = end;
                } else {
                    from = at + 1;
                }
            }
        }
    }

    private static int indexOfIgnoreCase(String text, String term, int from) {
        for (int i = from; i + term.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, term, 0, term.length())) {
                return i;
            }
        }
        return -1;
    }
}
