package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsEnglishAtFullStopsButNotAtAbbreviationsDecimalsOrInitials() {
        assertThat(split("Use e.g. the 3.5 release. Ask Dr. Smith or J. Doe! Done? Yes."))
                .containsExactly("Use e.g. the 3.5 release.", "Ask Dr. Smith or J. Doe!", "Done?", "Yes.");
    }

    @Test
    void splitsChineseAtItsOwnMarksKeepingClosingQuotes() {
        assertThat(split("第一句。第二句！“第三句？”第四句"))
                .containsExactly("第一句。", "第二句！", "“第三句？”", "第四句");
    }

    @Test
    void lineBreaksEndSentencesAndWhitespaceIsTrimmed() {
        assertThat(split("  Heading\nBody text.  ")).containsExactly("Heading", "Body text.");
    }
}
