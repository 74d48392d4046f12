package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    private static void assertCovers(String text, List<Span> windows, int max) {
        assertThat(windows.get(0).start()).isZero();
        assertThat(windows.get(windows.size() - 1).end()).isEqualTo(text.length());
        for (int i = 0; i < windows.size(); i++) {
            assertThat(windows.get(i).length()).isPositive().isLessThanOrEqualTo(max);
            if (i > 0) {
                assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
            }
        }
    }

    @Test
    void aShortTextIsOneWindow() {
        assertThat(Chunks.split("Short. Text.", 40)).containsExactly(new Span(0, 12));
        assertThat(Chunks.split("", 40)).containsExactly(new Span(0, 0));
    }

    @Test
    void cutsAfterWholeSentencesAndKeepsEveryCharacter() {
        String text = "One two three. ".repeat(100).strip();

        List<Span> windows = Chunks.split(text, 100);

        assertCovers(text, windows, 100);
        assertThat(windows).hasSizeGreaterThan(10);
        for (Span w : windows.subList(0, windows.size() - 1)) {
            assertThat(w.of(text)).startsWith("One").endsWith("three. ");
        }
    }

    @Test
    void prefersASentenceThatEndsWithPunctuationToALaterLineBreak() {
        String punctuated = "The first sentence is long enough to pass half. Then a line\nand another\n" + "x".repeat(60);
        assertThat(Chunks.split(punctuated, 70).get(0).of(punctuated))
                .isEqualTo("The first sentence is long enough to pass half. ");

        // A full stop early in the window would make a tiny window; the last line break is taken instead.
        String early = "Short. Then a line that goes on\nand another line\n" + "x".repeat(60);
        assertThat(Chunks.split(early, 70).get(0).of(early)).isEqualTo("Short. Then a line that goes on\nand another line\n");
    }

    @Test
    void cutsALongSentenceAtWhitespaceThenAnywhere() {
        String words = "word ".repeat(50);
        List<Span> atSpaces = Chunks.split(words, 23);
        assertCovers(words, atSpaces, 23);
        assertThat(atSpaces.get(0).of(words)).isEqualTo("word word word word ");

        String letters = "a".repeat(250);
        List<Span> hard = Chunks.split(letters, 100);
        assertThat(hard).containsExactly(new Span(0, 100), new Span(100, 200), new Span(200, 250));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00".repeat(100);

        List<Span> windows = Chunks.split(emoji, 51);

        assertCovers(emoji, windows, 51);
        assertThat(windows).allSatisfy(w -> assertThat(w.length() % 2).isZero());
    }

    @Test
    void chineseSentencesAreCutAfterTheirFullStop() {
        String text = "系统在三天内删除文件。".repeat(30);

        List<Span> windows = Chunks.split(text, 50);

        assertCovers(text, windows, 50);
        assertThat(windows).allSatisfy(w -> assertThat(w.of(text)).endsWith("。"));
    }

    @Test
    void theSameTextAlwaysGivesTheSameWindows() {
        String text = "Mixed text, e.g. this. And 中文。 More words here! " .repeat(200);

        assertThat(Chunks.split(text, 300)).isEqualTo(Chunks.split(text, 300));
        assertCovers(text, Chunks.split(text, 300), 300);
    }

    @Test
    void refusesWindowsTooSmallToHoldACodePoint() {
        assertThatThrownBy(() -> Chunks.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
