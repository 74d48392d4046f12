package dev.docannotator.analysis.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaOrCallSpacingTest {
    private static final String RULE = "COMMA_PARENTHESIS_WHITESPACE";

    private static boolean at(String paragraph, String match, int occurrence) {
        int start = -1;
        for (int i = 0; i <= occurrence; i++) {
            start = paragraph.indexOf(match, start + 1);
        }
        return FormulaOrCallSpacing.isFormulaOrCall(RULE, paragraph, start, start + match.length());
    }

    @Test
    void mathsLettersBeforeTheSpaceMakeItAFormulaEvenBehindAClosingBracket() {
        String p = "we define 𝑉𝑑𝑙 = 𝑀𝑖𝑛 (𝑉𝑑𝑖 , 𝑉𝑑𝑗 ) , 𝑉𝑑ℎ = 𝑀𝑎𝑥 (𝑉𝑑𝑖 , 𝑉𝑑𝑗 ), respectively.";

        assertThat(at(p, " ,", 0)).isTrue();
        assertThat(at(p, " )", 0)).isTrue();
        assertThat(at(p, " ,", 1)).isTrue(); // after "𝑉𝑑𝑗 )"
        assertThat(at("a maximum (𝑉ℎ𝑖𝑔ℎ ) and", " )", 0)).isTrue();
        assertThat(at("requirements, ξn , the number", " ,", 0)).isTrue();
    }

    @Test
    void aRelationBetweenOneLetterVariablesAfterTheCommaIsAFormula() {
        assertThat(at("all the cluster Ck , k > j and the device", " ,", 0)).isTrue();
        assertThat(at("the report is late , a sign of trouble", " ,", 0)).isFalse();
    }

    @Test
    void aBracketPaddedOnBothSidesIsCodeStyleButALoneStraySpaceIsNot() {
        assertThat(at("The call bzalloc ( opaque, n, m ) is expected", " )", 0)).isTrue();
        assertThat(at("a Cluster system (ESATC) ) that not only", " )", 0)).isFalse();
        assertThat(at("the total (see below ) is", " )", 0)).isFalse();
    }

    @Test
    void otherRulesAreLeftAlone() {
        assertThat(FormulaOrCallSpacing.isFormulaOrCall("EN_A_VS_AN", "𝑉𝑑𝑖 , x", 4, 6)).isFalse();
    }
}
