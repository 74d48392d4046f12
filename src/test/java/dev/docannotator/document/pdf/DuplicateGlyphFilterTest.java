package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateGlyphFilterTest {
    private final DuplicateGlyphFilter filter = new DuplicateGlyphFilter();

    @Test
    void theSameTextDrawnAgainWithinTheToleranceIsADuplicate() {
        assertThat(filter.isDuplicate("e", 100, 200, 1.8f)).isFalse();
        assertThat(filter.isDuplicate("e", 100.4f, 200.3f, 1.8f)).isTrue();
        assertThat(filter.isDuplicate("e", 98.3f, 198.3f, 1.8f)).as("the window reaches back by the tolerance").isTrue();
    }

    @Test
    void otherTextOrAGlyphOutsideTheWindowIsKept() {
        filter.isDuplicate("e", 100, 200, 1.8f);

        assertThat(filter.isDuplicate("a", 100, 200, 1.8f)).isFalse();
        assertThat(filter.isDuplicate("e", 105.6f, 200, 1.8f)).as("the next glyph of a word").isFalse();
        assertThat(filter.isDuplicate("e", 100, 213, 1.8f)).as("the next line").isFalse();
    }

    @Test
    void theWindowIsHalfOpenLikePdfBoxsSortedMapViews() {
        filter.isDuplicate("x", 10, 10, 0);
        // a glyph exactly the tolerance before the kept one lies on the window's upper, excluded, bound
        assertThat(filter.isDuplicate("x", 8, 10, 2)).isFalse();
        assertThat(filter.isDuplicate("x", 12, 10, 2)).as("the kept one sits on the lower, included, bound").isTrue();
    }

    @Test
    void glyphsInNeighbouringCellsAndHugeGlyphsAreCompared() {
        filter.isDuplicate("W", 7.9f, -0.1f, 1);
        assertThat(filter.isDuplicate("W", 8.1f, 0.1f, 1)).as("across cell boundaries and zero").isTrue();

        filter.isDuplicate("H", 500, 500, 300);
        assertThat(filter.isDuplicate("H", 700, 300, 300)).as("a window of many cells").isTrue();
        assertThat(filter.isDuplicate("H", 900, 500, 300)).isFalse();
    }

    @Test
    void anEmptyOrInvalidWindowMatchesNothing() {
        filter.isDuplicate("z", 1, 1, 0);
        assertThat(filter.isDuplicate("z", 1, 1, 0)).isFalse();
        assertThat(filter.isDuplicate("z", 1, 1, Float.NaN)).isFalse();
        assertThat(filter.isDuplicate("z", Float.NaN, 1, 1)).isFalse();
        assertThat(filter.isDuplicate("z", 1, 1, Float.POSITIVE_INFINITY)).as("infinite window: all of them").isTrue();
    }

    @Test
    void clearingForgetsThePage() {
        filter.isDuplicate("e", 100, 200, 1.8f);
        filter.clear();

        assertThat(filter.isDuplicate("e", 100, 200, 1.8f)).isFalse();
    }
}
