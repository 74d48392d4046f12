package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineJoinTest {
    /** The regex hyphenatedPairs used before it scanned by hand; the scan must find exactly its compounds. */
    private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:[-\u2010]\\p{L}+)+");

    @Test
    void pairsOfCompoundsInARunningText() {
        Set<String> pairs = new HashSet<>();
        LineJoin.hyphenatedPairs("Send it by E-mail, a state-of-the-art well\u2010known tool (non- and semi-), x-1 -- ok.", pairs);
        assertThat(pairs).containsExactlyInAnyOrder("e-mail", "state-of", "of-the", "the-art", "well-known");
    }

    @Test
    void textWithoutHyphensHasNoPairs() {
        Set<String> pairs = new HashSet<>();
        LineJoin.hyphenatedPairs("Plain prose with no compound at all, only words and 12 digits.", pairs);
        assertThat(pairs).isEmpty();
    }

    @Test
    void findsTheSamePairsAsTheRegex() {
        String alphabet = "aBz-\u2010 -.1\u00E9\u0130\uD835\uDC00\uD83D\uDE00\u4E2D";
        Random random = new Random(12);
        for (int run = 0; run < 5000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                // surrogate pairs are drawn whole, and now and then split, as broken text can be
                if (Character.isHighSurrogate(c) && random.nextInt(5) > 0) {
                    text.append(c).append(alphabet.charAt(at + 1));
                } else {
                    text.append(c);
                }
            }
            Set<String> scanned = new HashSet<>();
            LineJoin.hyphenatedPairs(text, scanned);
            assertThat(scanned).as("%s", text).isEqualTo(byRegex(text));
        }
    }

    private static Set<String> byRegex(CharSequence text) {
        Set<String> into = new HashSet<>();
        Matcher m = COMPOUND.matcher(text);
        while (m.find()) {
            String[] parts = m.group().toLowerCase(Locale.ROOT).split("[-\u2010]");
            for (int i = 0; i + 1 < parts.length; i++) {
                into.add(parts[i] + "-" + parts[i + 1]);
            }
        }
        return into;
    }
}
