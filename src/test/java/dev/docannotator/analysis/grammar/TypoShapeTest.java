package dev.docannotator.analysis.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypoShapeTest {

    @Test
    void swappedDoubledAndVowelSlipsAreTypos() {
        assertThat(TypoShape.isSlip("recieve", List.of("receive", "relieve"))).isTrue();
        assertThat(TypoShape.isSlip("occured", List.of("occurred"))).isTrue();
        assertThat(TypoShape.isSlip("untill", List.of("until"))).isTrue();
        assertThat(TypoShape.isSlip("seperate", List.of("separate"))).isTrue();
        assertThat(TypoShape.isSlip("Definately", List.of("Definitely"))).isTrue();
        assertThat(TypoShape.isSlip("colour", List.of("color"))).isTrue();
    }

    @Test
    void commandsLibrariesAndNamesFromRealManualsAreNot() {
        assertThat(TypoShape.isSlip("gzip", List.of("zip", "grip"))).isFalse();
        assertThat(TypoShape.isSlip("umask", List.of("mask", "unmask"))).isFalse();
        assertThat(TypoShape.isSlip("punct", List.of("punch", "punt"))).isFalse();
        assertThat(TypoShape.isSlip("nonrecursive", List.of("non recursive"))).isFalse();
        assertThat(TypoShape.isSlip("Eggert", List.of("Egbert", "Egger"))).isFalse();
        assertThat(TypoShape.isSlip("backslashed", List.of("backslashes"))).isFalse();
        // one vowel for another only in longer words: "sed" is not "sad"
        assertThat(TypoShape.isSlip("sed", List.of("sad", "set"))).isFalse();
        assertThat(TypoShape.isSlip("hppa", List.of("hpa"))).isFalse();
        assertThat(TypoShape.isSlip("YYYY-ZZZZ", List.of("YYYY-ZZZ"))).isFalse();
        assertThat(TypoShape.isSlip("anything", List.of())).isFalse();
    }
}
