package dev.docannotator.analysis.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.Requirement;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementParserTest {
    private final RequirementParser parser = new RequirementParser();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "please have a look", "请看一下", "lorem"})
    void emptyOrUnrecognisedRequirementGivesTheDefaultSetWithoutGrammar(String text) {
        Requirement r = parser.parse(text);

        assertThat(r.defaulted()).isTrue();
        assertThat(r.checks()).isEqualTo(RequirementParser.defaultChecks());
        EnumSet<Check> allButGrammar = EnumSet.allOf(Check.class);
        allButGrammar.remove(Check.GRAMMAR);
        assertThat(r.checks()).isEqualTo(allButGrammar);
        assertThat(r.terms()).isEmpty();
        assertThat(r.text()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void englishKeywordsSelectTheirChecks() {
        Requirement r = parser.parse("Flag passive voice, vague or hedging words, repeated words and long sentences.");

        assertThat(r.defaulted()).isFalse();
        assertThat(r.checks()).containsExactlyInAnyOrder(
                Check.PASSIVE_VOICE, Check.VAGUE_WORDS, Check.REPEATED_WORDS, Check.LONG_SENTENCE);
    }

    @Test
    void moreEnglishKeywordsSelectTheRest() {
        assertThat(parser.parse("Are acronyms defined? Any TODO left? Do the numbers agree?").checks())
                .containsExactlyInAnyOrder(Check.UNDEFINED_ACRONYMS, Check.TODO_MARKERS, Check.NUMBER_MISMATCH);
        assertThat(parser.parse("check grammar and spelling").checks()).containsExactly(Check.GRAMMAR);
        assertThat(parser.parse("Abbreviations and placeholders").checks())
                .containsExactlyInAnyOrder(Check.UNDEFINED_ACRONYMS, Check.TODO_MARKERS);
    }

    @Test
    void spellingVariantsMeanConsistencyNotSpellcheck() {
        assertThat(parser.parse("Look for spelling variants").checks()).containsExactly(Check.INCONSISTENT_TERMS);
        assertThat(parser.parse("Is the terminology consistent?").checks()).containsExactly(Check.INCONSISTENT_TERMS);
    }

    @Test
    void chineseKeywordsSelectTheirChecks() {
        assertThat(parser.parse("请检查被动语态和模糊的表述").checks())
                .containsExactlyInAnyOrder(Check.PASSIVE_VOICE, Check.VAGUE_WORDS);
        assertThat(parser.parse("检查重复的词、长句和缩略语").checks())
                .containsExactlyInAnyOrder(Check.REPEATED_WORDS, Check.LONG_SENTENCE, Check.UNDEFINED_ACRONYMS);
        assertThat(parser.parse("找出待定内容，术语要一致").checks())
                .containsExactlyInAnyOrder(Check.TODO_MARKERS, Check.INCONSISTENT_TERMS);
        assertThat(parser.parse("检查语法和错别字").checks()).containsExactlyInAnyOrder(Check.GRAMMAR, Check.TYPOS_ZH);
        assertThat(parser.parse("数字不一致的地方").checks()).containsExactly(Check.NUMBER_MISMATCH);
        assertThat(parser.parse("含糊的缩写").checks())
                .containsExactlyInAnyOrder(Check.VAGUE_WORDS, Check.UNDEFINED_ACRONYMS);
    }

    @Test
    void everythingSelectsAllChecksIncludingGrammar() {
        EnumSet<Check> all = EnumSet.allOf(Check.class);

        assertThat(parser.parse("Check everything").checks()).isEqualTo(all);
        assertThat(parser.parse("all checks please").checks()).isEqualTo(all);
        assertThat(parser.parse("全部检查").checks()).isEqualTo(all);
        assertThat(parser.parse("全部检查").defaulted()).isFalse();
    }

    @Test
    void quotedTermsInEveryQuoteStyleBecomeTermsAndSelectTermsCheck() {
        Requirement r = parser.parse("Find \"Acme Cloud\", “data lake”, 「数据湖」 and 'pipeline'");

        assertThat(r.terms()).containsExactly("Acme Cloud", "data lake", "数据湖", "pipeline");
        assertThat(r.checks()).containsExactly(Check.TERMS);
        assertThat(r.defaulted()).isFalse();
    }

    @Test
    void wordsInsideQuotesDoNotSelectChecks() {
        Requirement r = parser.parse("highlight \"passive\" and 『重复』");

        assertThat(r.terms()).containsExactly("passive", "重复");
        assertThat(r.checks()).containsExactly(Check.TERMS);
    }

    @Test
    void apostrophesAreNotQuotes() {
        Requirement r = parser.parse("Don't miss the team's vague words");

        assertThat(r.terms()).isEmpty();
        assertThat(r.checks()).containsExactly(Check.VAGUE_WORDS);
    }

    @Test
    void singleQuotedTermsSurviveNearbyApostrophes() {
        Requirement r = parser.parse("Don't miss 'foo' or the users' ‘bar baz’ (it's important)");

        assertThat(r.terms()).containsExactly("foo", "bar baz");
    }

    @Test
    void termsAreTrimmedAndDeduplicatedIgnoringCase() {
        Requirement r = parser.parse("find \" Login \" and \"login\" and \"\" plus passive");

        assertThat(r.terms()).containsExactly("Login");
        assertThat(r.checks()).containsExactlyInAnyOrder(Check.TERMS, Check.PASSIVE_VOICE);
    }

    @Test
    void termsAlongsideEverythingKeepTermsToo() {
        Requirement r = parser.parse("everything, and find “SLA”");

        assertThat(r.checks()).containsAll(EnumSet.allOf(Check.class));
        assertThat(r.terms()).containsExactly("SLA");
    }

    @Test
    void negatedChecksAreLeftOut() {
        EnumSet<Check> allButGrammar = EnumSet.allOf(Check.class);
        allButGrammar.remove(Check.GRAMMAR);

        assertThat(parser.parse("everything except grammar").checks()).isEqualTo(allButGrammar);
        assertThat(parser.parse("除了语法，全部检查").checks()).isEqualTo(allButGrammar);
        assertThat(parser.parse("vague words, but no passive voice").checks()).containsExactly(Check.VAGUE_WORDS);
        assertThat(parser.parse("no TODO markers, and passive voice").checks()).containsExactly(Check.PASSIVE_VOICE);
        assertThat(parser.parse("检查长句，不要检查被动").checks()).containsExactly(Check.LONG_SENTENCE);
    }

    @Test
    void onlyNegationsGiveTheDefaultsWithoutThem() {
        Requirement r = parser.parse("Don't flag passive voice");

        assertThat(r.checks()).doesNotContain(Check.PASSIVE_VOICE, Check.GRAMMAR).contains(Check.VAGUE_WORDS);
        assertThat(r.defaulted()).isFalse();
    }
}
