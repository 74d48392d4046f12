package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/** Spellings that only look inconsistent in manuals and licences (grep(1), ls(1), the Apache and Mozilla licences). */
class InconsistentTermsInManualsTest {

    @Test
    void aCompoundHyphenatedBeforeItsNounAndOpenAsANounIsOneSpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Follow symbolic links only if they are on the command line.",
                "Exit status is 2 if serious trouble (e.g., cannot access command-line argument).",
                "Options given on the command line override the environment.")).isEmpty();
    }

    @Test
    void theOpenFormUsedAsAModifierAsWellIsStillInconsistent() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Pass it on the command-line.", "Command-line options win.", "Read the command-line help.",
                "Or give it on the command line.")))
                .containsExactly("command line");
    }

    @Test
    void capitalsInHeadingsRunInHeadingsFileNamesAndPluralMetavariablesAreNotVariants() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "APPENDIX: How to apply the Apache License to your work. Attach the notice in the appendix.",
                "Include the notice in a location (such as a LICENSE file in a relevant directory). This license "
                        + "applies to the license notice.",
                "List information about the FILEs (the current directory by default). Sort the files by name.",
                "SYSTEM  If $SYSTEM is set, it has the same effect as the -m option. The system default is used.")).isEmpty();
    }

    @Test
    void oneNameInCapitalsAndCapitalisedInsideSentencesIsStillInconsistent() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Open the App and sign in. The App shows your orders.", "Download the APP from the store.")))
                .containsExactly("APP");
    }

    @Test
    void aModifierStaysAModifierWhenItsNounIsOnTheNextLine() {
        // grep(1): "(i.e., a selected line when the -v command-line⏎option is omitted)"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Follow symbolic links only if they are on the command line.",
                "Skip any command-line file with a name suffix that matches the pattern.",
                "SGR substring for selected lines when the -v command-line\n                     option is omitted.")).isEmpty();
    }

    @Test
    void aProgramWrittenAsCodeOrAManualPageIsNotASpellingOfItsPackage() {
        // man-db's README runs `mandb`; man(1) in Chinese refers to mandb(8)
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Build man-db with the translations you want. Sort out the man-db configuration file.",
                "Run `mandb` to create the databases. Acknowledge any warnings emitted by mandb.")).isEmpty();
        assertThat(run(Check.INCONSISTENT_TERMS,
                "该操作只在极少数情况下才需要进行，一般情况下只运行 mandb(8) 更好。",
                "man-db 配置文件。")).isEmpty();
    }

    @Test
    void twoSpellingsUsedEquallyOftenAreBothFlagged() {
        // neither is "the document's" spelling: flagging only the later one would be a guess
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The programme is funded from the infrastructure budget, and the program manager reports monthly.")))
                .containsExactly("programme", "program");
    }

    @Test
    void aChineseTieKeepsTheStandardForm() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, "说明新的登录页面。客户登陆以后可以找到解答。")))
                .containsExactly("登陆");
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, "客户登陆以后可以找到解答。说明新的登录页面。")))
                .containsExactly("登陆");
    }
}
