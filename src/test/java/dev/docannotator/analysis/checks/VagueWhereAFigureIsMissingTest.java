package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/**
 * A vague word matters where the reader needs what it leaves out: a date, a figure, a criterion, a firm commitment.
 * The texts are the kind the second held-out set holds (a README, a licence, manual pages in both languages).
 */
class VagueWhereAFigureIsMissingTest {

    @Test
    void quantifiersIntensifiersAndHedgesThatDescribeAreNotVague() {
        assertThat(run(Check.VAGUE_WORDS,
                "A number of frequently-asked questions are answered in the file doc/FAQ.",
                "The bash-completion package provides programmable completions for a number of commands.",
                "The source code uses in most parts a relatively uncommon indent convention, namely 3 spaces.",
                "Other branches targeted at different derivatives and releases are used as needed.",
                "This license applies to certain designated libraries, and is quite different from the ordinary "
                        + "General Public License.",
                "The server is fairly old and probably runs an older kernel.")).isEmpty();
    }

    @Test
    void theSameWordsInAPromiseARequirementOrAnEstimateAreVague() {
        assertThat(quotes(run(Check.VAGUE_WORDS,
                "Such description must be sufficiently detailed for a recipient of ordinary skill.",
                "We will probably need a number of extra servers for the launch.",
                "The migration will take approximately six weeks.",
                "Reviewers should keep their comments relatively short.")))
                .containsExactly("sufficiently", "probably", "a number of", "approximately", "relatively");
    }

    @Test
    void whatFallsDueIsAnObligationButDueToIsACause() {
        assertThat(quotes(run(Check.VAGUE_WORDS,
                "Payment is approximately due within thirty days.",
                "The delay was probably due to the holidays.")))
                .containsExactly("approximately");
    }

    @Test
    void anUncheckableDeadlineIsVagueEvenInADescription() {
        assertThat(quotes(run(Check.VAGUE_WORDS,
                "The source is made available by reasonable means in a timely manner.",
                "新版本近期发布。")))
                .containsExactly("in a timely manner", "近期");
    }

    @Test
    void soonerOrLaterStatesInevitabilityNotAMissingDate() {
        // systemd's README: "many of its dependencies very likely will break sooner or later"; no date could be given
        assertThat(run(Check.VAGUE_WORDS,
                "Without regular updates, old releases of the dependencies break sooner or later.")).isEmpty();
        assertThat(quotes(run(Check.VAGUE_WORDS, "We will move the archive to the new servers sooner or later.")))
                .containsExactly("sooner or later");
    }

    @Test
    void aWordInsideAHyphenatedValueIsNotAHedge() {
        // tar(1): "--quoting-style=STYLE … c-maybe", a quoting style's name
        assertThat(run(Check.VAGUE_WORDS,
                "You must set the quoting style to one of literal, shell, c, c-maybe, escape, locale or clocale."))
                .isEmpty();
    }

    @Test
    void reasonablyInALicenceIsTheLawsStandardNotAHedge() {
        String licence = "If identifiable sections of that work are not derived from the Library, and can be "
                + "reasonably considered independent and separate works in themselves, then this License, and its "
                + "terms, do not apply to those sections when you distribute them as separate works. The Licensor "
                + "hereby grants you a licence; the licensee shall keep intact all notices of warranty and liability "
                + "pursuant to Section 2, and the Licensor shall not be liable under this License.";
        String memo = "The release notes must be reasonably complete before the launch, and we will check them.";

        assertThat(run(Check.VAGUE_WORDS, licence)).isEmpty();
        assertThat(quotes(run(Check.VAGUE_WORDS, memo))).containsExactly("reasonably");
    }

    @Test
    void chineseHedgesThatDescribeAreNotVagueButAPromiseHedgedIs() {
        // passwd(1) in Chinese: a possibility stated, and advice on the kind of password to choose
        assertThat(run(Check.VAGUE_WORDS,
                "在启用了 NIS 的系统上，如果没有登录 NIS 服务器，用户或许不能更改自己的密码。",
                "密码复杂性检查在每台机器间不同。用户应该选择适合的尽量复杂的密码。",
                "该选项似乎只在旧版本中有效。")).isEmpty();
        assertThat(quotes(run(Check.VAGUE_WORDS,
                "我们会尽量在月底前完成迁移，或许还需要适当增加人手。")))
                .containsExactly("尽量", "或许", "适当");
    }

    @Test
    void inAManualPageWillIsWhatTheProgramDoesNotAPromise() {
        String manual = String.join("\n",
                "NAME",
                "       tar - an archiving utility",
                "SYNOPSIS",
                "       tar -c [-f ARCHIVE] [OPTIONS] [FILE...]",
                "DESCRIPTION",
                "       With this option tar will possibly read the archive twice, which is quite slow on tapes.");
        String proposal = "The new archive will possibly be read twice, which is quite slow on tapes.";

        assertThat(run(Check.VAGUE_WORDS, manual.split("\n"))).isEmpty();
        assertThat(quotes(run(Check.VAGUE_WORDS, proposal))).containsExactly("possibly", "quite");
    }
}
