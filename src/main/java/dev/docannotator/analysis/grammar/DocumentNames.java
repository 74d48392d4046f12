package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.text.OptionSyntax;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.document.ExtractedText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a document itself uses: words that recur (twice or more, in any case), such as a product, a command, a
 * project or a person ({@code grep} 45 times in grep's manual, {@code man-db}, {@code Zstd}). A spelling checker does not
 * know them; the document does. The price: a typo made the same way twice is not reported. The words of its addresses
 * and paths, where a link names what it leads to ({@code unrs-resolver}). And the program's keywords:
 * words the document writes as an option's name or value ({@code --seek}, {@code --no-seek}, {@code --sort=inode}).
 */
final class DocumentNames {
    /** A word, with its hyphenated parts: "man-db" counts as "man-db", "man" and "db". */
    private static final Pattern WORD = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}_])\\p{IsLatin}[\\p{IsLatin}'’]*(?:-\\p{IsLatin}[\\p{IsLatin}'’]*)*");
    private static final int RECURRING = 2;
    /**
     * What separates the parts of an address or a path: "/", a query's "?", "&" and "=", a fragment's "#", a scheme's
     * or port's ":", a link's brackets and the dots of a host name or a file's extension.
     */
    private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[/?#&=():.]+");

    private final ExtractedText source;
    private final Set<String> names;
    private final Set<String> keywords;

    private DocumentNames(ExtractedText source, Set<String> names, Set<String> keywords) {
        this.source = source;
        this.names = Set.copyOf(names);
        this.keywords = Set.copyOf(keywords);
    }

    /** {@code keywords}: the words the document writes as an option's name or value ({@link OptionSyntax#keywords}). */
    static DocumentNames of(ExtractedText text, Set<String> keywords) {
        Map<String, Integer> counts = new HashMap<>();
        // masked: "zorbix_conf" in code is not a use of the name Zorbix
        ProseMask.Masked masked = ProseMask.mask(text.text());
        Matcher m = WORD.matcher(masked.text());
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            counts.merge(w, 1, Integer::sum);
            if (w.indexOf('-') > 0) {
                for (String part : w.split("-")) {
                    counts.merge(part, 1, Integer::sum);
                }
            }
        }
        Set<String> names = new HashSet<>();
        counts.forEach((w, n) -> {
            if (n >= RECURRING) {
                names.add(w);
            }
        });
        names.addAll(addressParts(text.text(), masked.hidden()));
        return new DocumentNames(text, names, keywords);
    }

    /**
     * The words of the document's addresses and paths: "[unrs-resolver](https://github.com/unrs/unrs-resolver)" names
     * a package by the path its link leads to, so the word is a name even when the prose writes it once.
     */
    private static Set<String> addressParts(String text, List<Span> hidden) {
        Set<String> parts = new HashSet<>();
        for (Span s : hidden) {
            String address = s.of(text);
            if (address.indexOf('/') < 0) {
                continue; // inline code, an option, a format string: not an address
            }
            for (String part : ADDRESS_SEPARATORS.split(address)) {
                if (WORD.matcher(part).matches()) {
                    parts.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return parts;
    }

    boolean isOf(ExtractedText text) {
        return source == text;
    }

    boolean isName(String word) {
        return names.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether the document writes this word as an option's name or value: a keyword of the program it describes. */
    boolean isKeyword(String word) {
        return keywords.contains(word);
    }
}
