package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.only;
import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is not prose (code, commands, quoted speech, the list a quantifier announces) is not judged as prose. */
class ProseOnlyTest {

    @Test
    void codeAndCommandsInAReadmeAreNotRepeatedWordsOrAcronyms() {
        List<Annotation> found = run(only(Check.REPEATED_WORDS, Check.UNDEFINED_ACRONYMS),
                "Run `echo echo` to test the shell, then set ${JAVA_OPTS} and pass --log LOG to the daemon.",
                "Details are at https://example.org/the/the/page and in /usr/share/doc/app/README.",
                "The the installer asks for the directory.");

        assertThat(quotes(found)).containsExactly("The the");
    }

    @Test
    void wordsSomeoneElseWroteInABlockQuotationAreNotTheAuthorsToCorrect() {
        // a survey answer quoted in Rust RFC 1824: its grammar and its spelling of "usecases" are the respondent's
        TextBuilder rfc = new TextBuilder();
        rfc.append("We want more than \"check the docs\" in a readme in regards to getting started.", null, 1);
        rfc.append("I want more than \"check the docs\" in a readme in regards to getting started, and "
                + "examples for more usecases.", null, 2, BlockKind.QUOTATION);
        rfc.append("The ranking should reward crates whose documentation covers common use cases.", null, 3);

        List<Annotation> found = runAll(new DefaultAnalyser(), rfc.build(),
                only(Check.GRAMMAR, Check.INCONSISTENT_TERMS));

        assertThat(found).isNotEmpty().allSatisfy(a -> assertThat(a.paragraph()).isEqualTo(1));
        assertThat(found).extracting(Annotation::rule).contains("grammar/IN_OR_WITH_REGARDS_TO_OF");
        // a leftover in a quotation's place is the author's
        TextBuilder answers = new TextBuilder();
        answers.append("TODO: paste the third answer here.", null, 1, BlockKind.QUOTATION);
        assertThat(quotes(runAll(new DefaultAnalyser(), answers.build(), only(Check.TODO_MARKERS))))
                .containsExactly("TODO");
    }

    @Test
    void aQuantifierThatOpensItsListIsNotVagueButAnUncheckableDeadlineIs() {
        List<Annotation> found = run(Check.VAGUE_WORDS,
                "There are several ways to install the package:",
                "We will publish the fixed version in the near future.",
                "The reviewer wrote: “this is probably fine”, and we agreed.");

        assertThat(quotes(found)).containsExactly("in the near future");
        assertThat(found.get(0).rule()).isEqualTo("vague_words/in_the_near_future");
    }

    @Test
    void chineseVaguePhrasesAreFlagged() {
        assertThat(quotes(run(Check.VAGUE_WORDS, "请尽快提交材料，并适当调整预算。"))).containsExactly("尽快", "适当");
    }

    @Test
    void markdownAndPluralDefinitionsCountAndBoilerplateInCapitalsIsNoAcronym() {
        List<Annotation> found = run(Check.UNDEFINED_ACRONYMS,
                "**LTS**: Long Term Support releases get fixes for five years.",
                "Teams track key performance indicators (KPIs) every quarter; each KPI has an owner.",
                "The software is provided \u201cAS IS\u201d, WITHOUT WARRANTY OF ANY KIND; SEE ALSO the FAQ.",
                "Every LTS release and every KPI is reviewed by the CAB.");

        assertThat(quotes(found)).containsExactly("CAB");
    }

    @Test
    void aPersonsNameAndTheirHandleAreNotInconsistentTerms() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Thanks to Jane Doe for the Debian packaging and to Max Power for the tests.",
                "Report packaging bugs to janedoe on the tracker; maxpower reviews test changes.",
                "Jane Doe also maintains the documentation.")).isEmpty();
    }

    @Test
    void differentTaxesRatesAreNotOneNumberStatedTwice() {
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "The rate is 6.2% for Social Security and the rate is 1.45% for Medicare.",
                "The tax rate is 6.2% for social security wages up to the limit.",
                "The filing deadline is 15 April. The late fee is 5% per month; the late fee is 4% per month.");

        assertThat(quotes(found)).containsExactly("4%");
    }

    @Test
    void aCommandQuotedInChineseProseIsNotADoubledEnglishWord() {
        // Debian's FAQ in Chinese: "man man" is the command; a doubled word in an English sentence is still a slip
        assertThat(quotes(run(Check.REPEATED_WORDS,
                "例如，要查看 ls 命令的手册页，请运行 man ls。运行 man man 以阅读关于查看手册页的更多信息。",
                "Run the the command below.")))
                .containsExactly("the the");
    }
}
