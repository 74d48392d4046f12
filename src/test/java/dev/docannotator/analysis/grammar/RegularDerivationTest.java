package dev.docannotator.analysis.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.text.EnglishTagging;
import org.junit.jupiter.api.Test;

class RegularDerivationTest {

    @Test
    void regularDerivationsOfKnownWordsAreWordsButTheShapesOfSlipsAreNot() {
        var tagger = EnglishTagging.tagger();
        assertThat(RegularDerivation.isDerived(tagger, "unhashable")).isTrue();
        assertThat(RegularDerivation.isDerived(tagger, "undecodable")).isTrue();
        assertThat(RegularDerivation.isDerived(tagger, "inlined")).isTrue();
        // a prefix before a short word, a soft c or g that lost its e, a verb + d, a doubled consonant dropped
        assertThat(RegularDerivation.isDerived(tagger, "untill")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "deside")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "noticable")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "managable")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "writed")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "forgetable")).isFalse();
        assertThat(RegularDerivation.isDerived(tagger, "occured")).isFalse();
    }
}
