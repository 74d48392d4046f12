package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.ReviewTexts;
import org.junit.jupiter.api.Test;

/** A PDF note carries the finding and, labelled in the reader's language, its suggestion. */
class NoteLanguageTest {
    private static final Annotation REPEATED = new Annotation("a1", 0, 7, "the the", 1, 1, "repeated_words", "warning",
            "单词“the”重复了。", "the", "repeated_words/en");

    @Test
    void theSuggestionLabelFollowsTheReadersLanguage() {
        assertThat(HighlightWriter.contents(REPEATED, ReviewTexts.of(Language.CHINESE)))
                .isEqualTo("单词“the”重复了。\n建议：the");
        assertThat(HighlightWriter.contents(REPEATED, ReviewTexts.of(Language.ENGLISH)))
                .isEqualTo("单词“the”重复了。\nSuggestion: the");
    }
}
