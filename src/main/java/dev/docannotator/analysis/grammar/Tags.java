package dev.docannotator.analysis.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.tagging.Tagger;

/**
 * The grammar check's questions to LanguageTool's part-of-speech tagger, in one place: its dictionary is read from the
 * class path, and failing to read it is a broken installation, not a checked case for every caller.
 */
final class Tags {
    private Tags() {
    }

    /** The readings of each word, in order. */
    static List<AnalyzedTokenReadings> of(Tagger tagger, List<String> words) {
        try {
            return tagger.tag(words);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool's tagger could not read its dictionary", e);
        }
    }

    /** Whether the dictionary knows {@code word} as written. */
    static boolean isKnown(Tagger tagger, String word) {
        return of(tagger, List.of(word)).get(0).isTagged();
    }

    /** Whether one of the readings of {@code word}, as written, has a part-of-speech tag starting with {@code prefix}. */
    static boolean has(Tagger tagger, String word, String prefix) {
        return of(tagger, List.of(word)).get(0).getReadings().stream()
                .anyMatch(r -> r.getPOSTag() != null && r.getPOSTag().startsWith(prefix));
    }
}
