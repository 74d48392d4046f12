package dev.docannotator.analysis.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypoShapeTest {

    @Test
    void swappedDoubledAndVowelSlipsAreTypos() {
        assertThat(TypoShape.isSlip("recieve", List.of("receive", "relieve"), true)).isTrue();
        assertThat(TypoShape.isSlip("occured", List.of("occurred"), true)).isTrue();
        assertThat(TypoShape.isSlip("untill", List.of("until"), true)).isTrue();
        assertThat(TypoShape.isSlip("seperate", List.of("separate"), true)).isTrue();
        assertThat(TypoShape.isSlip("Definately", List.of("Definitely"), true)).isTrue();
        assertThat(TypoShape.isSlip("colour", List.of("color"), true)).isTrue();
    }

    @Test
    void theOtherEnglishsDoubledLIsASlipOnlyWhenTheVariantIsNamed() {
        // Matrix's 2023 update writes British English: "gruelling", one doubled letter from "grueling"
        assertThat(TypoShape.isSlip("gruelling", List.of("grueling"), false)).isFalse();
        assertThat(TypoShape.isSlip("travelling", List.of("traveling"), false)).isFalse();
        assertThat(TypoShape.isSlip("counsellor", List.of("counselor"), false)).isFalse();
        assertThat(TypoShape.isSlip("gruelling", List.of("grueling"), true)).isTrue();
        assertThat(TypoShape.isSlip("untill", List.of("until"), false)).isTrue();
    }

    @Test
    void commandsLibrariesAndNamesFromRealManualsAreNot() {
        assertThat(TypoShape.isSlip("gzip", List.of("zip", "grip"), true)).isFalse();
        assertThat(TypoShape.isSlip("umask", List.of("mask", "unmask"), true)).isFalse();
        assertThat(TypoShape.isSlip("punct", List.of("punch", "punt"), true)).isFalse();
        assertThat(TypoShape.isSlip("nonrecursive", List.of("non recursive"), true)).isFalse();
        assertThat(TypoShape.isSlip("Eggert", List.of("Egbert", "Egger"), true)).isFalse();
        assertThat(TypoShape.isSlip("backslashed", List.of("backslashes"), true)).isFalse();
        // one vowel for another only in longer words: "sed" is not "sad"
        assertThat(TypoShape.isSlip("sed", List.of("sad", "set"), true)).isFalse();
        assertThat(TypoShape.isSlip("hppa", List.of("hpa"), true)).isFalse();
        assertThat(TypoShape.isSlip("YYYY-ZZZZ", List.of("YYYY-ZZZ"), true)).isFalse();
        assertThat(TypoShape.isSlip("anything", List.of(), true)).isFalse();
    }
}
