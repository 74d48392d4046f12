package dev.docannotator.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Progress details read as sentences: "1 finding", not "1 findings" (a new user noticed). */
class ProgressTextsTest {
    private final Messages english = new Messages("pipeline", Messages.ENGLISH);

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(english.get("read.detail", 1, 1)).isEqualTo("Read 1 of 1 part of the document");
        assertThat(english.get("read.detail", 0, 3)).isEqualTo("Read 0 of 3 parts of the document");
        assertThat(english.get("analyse.detail", 0, 2, 0)).isEqualTo("Ran 0 of 2 analysis steps, no findings so far");
        assertThat(english.get("analyse.detail", 1, 1, 1)).isEqualTo("Ran 1 of 1 analysis step, 1 finding so far");
        assertThat(english.get("analyse.detail", 2, 2, 1200))
                .isEqualTo("Ran 2 of 2 analysis steps, 1,200 findings so far");
        assertThat(english.get("apply.detail", 0, 1)).isEqualTo("Applied 0 of 1 annotation");
        assertThat(english.get("done.detail", 0)).isEqualTo("No annotations");
        assertThat(english.get("done.detail", 1)).isEqualTo("1 annotation");
        assertThat(english.get("done.detail", 37)).isEqualTo("37 annotations");
        assertThat(english.get("analyse.llm.detail", 1, 3, 2)).isEqualTo("Window 1 of 3 with the model, 2 findings so far");
    }

    @Test
    void chineseHasNoPluralToGetWrong() {
        Messages chinese = new Messages("pipeline", Messages.CHINESE);
        assertThat(chinese.get("done.detail", 1)).contains("1").doesNotContain("{");
        assertThat(chinese.get("analyse.detail", 1, 2, 0)).contains("1").contains("2").doesNotContain("{");
    }
}
