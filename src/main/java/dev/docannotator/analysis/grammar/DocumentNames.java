package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.document.ExtractedText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a document itself uses: capitalised words that recur (twice or more) and never appear in lower case, such
 * as a product, a project or a person. A spelling checker does not know them; the document does.
 */
final class DocumentNames {
    private static final Pattern WORD = Pattern.compile("(?<![\\p{IsLatin}\\p{N}_])\\p{IsLatin}[\\p{IsLatin}'’]*");
    private static final int RECURRING = 2;

    private final ExtractedText source;
    private final Set<String> names;

    private DocumentNames(ExtractedText source, Set<String> names) {
        this.source = source;
        this.names = Set.copyOf(names);
    }

    static DocumentNames of(ExtractedText text) {
        Map<String, Integer> capitalised = new HashMap<>();
        Set<String> lower = new HashSet<>();
        // masked: "zorbix_conf" in code is not the lower-case use of the name Zorbix
        Matcher m = WORD.matcher(ProseMask.mask(text.text()).text());
        while (m.find()) {
            String w = m.group();
            if (Character.isUpperCase(w.charAt(0))) {
                capitalised.merge(w, 1, Integer::sum);
            } else {
                lower.add(w);
            }
        }
        Set<String> names = new HashSet<>();
        capitalised.forEach((w, n) -> {
            if (n >= RECURRING && !lower.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                names.add(w);
            }
        });
        return new DocumentNames(text, names);
    }

    boolean isOf(ExtractedText text) {
        return source == text;
    }

    boolean isName(String word) {
        return names.contains(word);
    }
}
