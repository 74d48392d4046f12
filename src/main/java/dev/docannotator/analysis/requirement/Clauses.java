package dev.docannotator.analysis.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a requirement into the asks it makes: at sentence ends, commas, and words that join asks ("and", "but",
 * "also", 和, 以及, 但是, 并且). Each clause remembers how it was joined to the one before, because a negation
 * reaches across a plain list ("except grammar and spelling", 除了语法和拼写) but not across a comma, "but" or a
 * new sentence ("no TODO markers, and passive voice").
 */
final class Clauses {
    /** How a clause is joined to the one before it. */
    enum Join { START, LIST, BREAK }

    /** {@code [start, end)} of the requirement; {@code sentenceEnd} is where its sentence ends. */
    record Clause(int start, int end, Join join, int sentenceEnd) {
    }

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?<hard>[.;!?。；！？\\n])"
            + "|(?<comma>[,，:：])"
            + "|(?<list>、|(?<![a-z])(?:and|or|nor|plus|as well as)(?![a-z])|以及|或者|和|与|及|跟|或)"
            + "|(?<break>(?<![a-z])(?:but|also|then|while|however)(?![a-z])|并且|而且|同时|另外|但是|但|还要|还有|还需|也要|并)");

    private Clauses() {
    }

    /** The clauses of {@code mask} (the requirement as the parser reads it), blank ones left out. */
    static List<Clause> split(String mask) {
        List<int[]> raw = new ArrayList<>(); // start, end, join ordinal
        List<Integer> sentenceEnds = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(mask);
        int from = 0;
        Join join = Join.START;
        boolean commaPending = false;
        while (m.find()) {
            boolean blankBefore = mask.substring(from, m.start()).isBlank();
            if (!blankBefore) {
                raw.add(new int[] {from, m.start(), join.ordinal()});
                join = Join.BREAK;
                commaPending = false;
            }
            if (m.group("hard") != null) {
                sentenceEnds.add(m.start());
                join = Join.BREAK;
                commaPending = false;
            } else if (m.group("comma") != null) {
                join = Join.BREAK;
                commaPending = true;
            } else if (m.group("list") != null) {
                join = commaPending || raw.isEmpty() ? Join.BREAK : Join.LIST;
            } else {
                join = Join.BREAK;
                commaPending = false;
            }
            from = m.end();
        }
        if (!mask.substring(from).isBlank()) {
            raw.add(new int[] {from, mask.length(), join.ordinal()});
        }
        List<Clause> clauses = new ArrayList<>();
        for (int[] r : raw) {
            int sentenceEnd = mask.length();
            for (int end : sentenceEnds) {
                if (end >= r[1]) {
                    sentenceEnd = end;
                    break;
                }
            }
            clauses.add(new Clause(r[0], r[1], Join.values()[r[2]], sentenceEnd));
        }
        return clauses;
    }
}
