package dev.docannotator.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void agreesWithAPlainScanOfAllKeptGlyphsOnRandomPages() {
        Random random = new Random(7);
        String[] texts = {"e", "l", "o", "W", "fi", "\u00e9"};
        for (int page = 0; page < 200; page++) {
            List<Kept> kept = new ArrayList<>();
            // coordinates inside and outside the directly indexed area, including negative ones and cell borders
            float spread = page % 3 == 0 ? 4000 : 700;
            float origin = page % 3 == 0 ? -2000 : -20;
            for (int n = 0; n < 400; n++) {
                String text = texts[random.nextInt(texts.length)];
                boolean nearEarlier = !kept.isEmpty() && random.nextInt(3) == 0;
                Kept base = nearEarlier ? kept.get(random.nextInt(kept.size())) : null;
                float px = base != null ? base.x + (random.nextFloat() - 0.5f) * 6 : origin + random.nextFloat() * spread;
                float y = base != null ? base.y + (random.nextFloat() - 0.5f) * 6 : origin + random.nextFloat() * spread;
                // sometimes exactly on a cell border
                float x = random.nextInt(10) == 0 ? Math.round(px / 8) * 8f : px;
                float tolerance = random.nextInt(50) == 0 ? 100 + random.nextFloat() * 300 : random.nextFloat() * 3;
                boolean expected = kept.stream().anyMatch(k -> k.text.equals(text)
                        && k.x >= x - tolerance && k.x < x + tolerance && k.y >= y - tolerance && k.y < y + tolerance);
                assertThat(filter.isDuplicate(text, x, y, tolerance)).as("page %d glyph %d", page, n).isEqualTo(expected);
                if (!expected) {
                    kept.add(new Kept(text, x, y));
                }
            }
            filter.clear();
        }
    }

    private record Kept(String text, float x, float y) {
    }
}
