package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What is not prose (code, commands, quoted speech, the list a quantifier announces) is not judged as prose. */
class ProseOnlyTest {

    @Test
    void codeAndCommandsInAReadmeAreNotRepeatedWordsOrAcronyms() {
        List<Annotation> found = runAll(new DefaultAnalyser(), text(
                "Run `echo echo` to test the shell, then set ${JAVA_OPTS} and pass --log LOG to the daemon.",
                "Details are at https://example.org/the/the/page and in /usr/share/doc/app/README.",
                "The the installer asks for the directory."),
                new Requirement("t", Set.of(Check.REPEATED_WORDS, Check.UNDEFINED_ACRONYMS), List.of(), false));

        assertThat(quotes(found)).containsExactly("The the");
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
}
