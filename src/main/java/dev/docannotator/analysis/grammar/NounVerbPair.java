package dev.docannotator.analysis.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.AnalyzedToken;
import org.languagetool.tagging.Tagger;

/**
 * Two words in a row that can each be a plural noun or a verb in -s ("The Policy Manual reserves ranges", "the tool
 * sets limits"): which one is the verb is a guess of LanguageTool's chunker, so an agreement finding on the second,
 * read as a verb whose subject is the first, is not reported when the first can be the verb and the second its object.
 */
final class NounVerbPair {
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)\\s+$");

    private NounVerbPair() {
    }

    /** Whether LanguageTool's "verb does not agree with its plural subject" at [start, end) reads an ambiguous pair. */
    static boolean isAmbiguous(Tagger tagger, String ruleId, String paragraph, int start, int end) {
        if (!ruleId.startsWith("SUBJECT_VERB_AGREEMENT")) {
            return false;
        }
        Matcher before = WORD_BEFORE.matcher(paragraph.substring(Math.max(0, start - 40), start));
        if (!before.find()) {
            return false;
        }
        String subject = before.group(1);
        String verb = paragraph.substring(start, end);
        return has(tagger, subject, "VBZ") && has(tagger, subject, "NNS") && has(tagger, verb, "NNS");
    }

    private static boolean has(Tagger tagger, String word, String tag) {
        try {
            for (AnalyzedToken reading : tagger.tag(List.of(word.toLowerCase(Locale.ROOT))).get(0).getReadings()) {
                if (tag.equals(reading.getPOSTag())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool's English tagger could not read its dictionary", e);
        }
    }
}
