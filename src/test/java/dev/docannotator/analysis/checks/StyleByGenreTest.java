package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.VagueScope;
import dev.docannotator.document.ExtractedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vague words and passives by the kind of document: a README explains a program and its author promises nothing, a
 * licence names who does what in the passive by custom, a proposal commits its author. Texts written like the READMEs,
 * licences and proposals of the quality benchmark's corpus.
 */
class StyleByGenreTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    /** A README: how to build and install a program, with the "some", "probably" and "as soon as possible" of prose. */
    private static final ExtractedText README = text(
            "Installation",
            "Run ./configure, then make and make install. Some systems need the --prefix option, and on older "
                    + "machines the build will probably take a lot of memory; the compiler options are roughly the "
                    + "same on every platform.",
            "If a test fails, please report the bug to the mailing list as soon as possible, with the output of "
                    + "make check and the version of the compiler. You should keep the log files reasonably short.",
            "The program is maintained by the Debian team. It was written by two students and was then taken "
                    + "over by the Debian team, who package it for every release.");

    /** A proposal: the author commits to dates, figures and approvals. */
    private static final ExtractedText PROPOSAL = text(
            "Migration Proposal",
            "We expect the new platform to cut page load times approximately in half. We will review the results "
                    + "in the near future and publish a short report for the steering group.",
            "The budget was approved by the board in January, and the plan must be approved before the switch. "
                    + "The migration will take six weeks and needs three engineers from the operations team.");

    @Test
    void aReadmeGetsNoVagueWordsAndNoPassivesThatNameTheirAgentUnlessAskedFor() {
        List<Annotation> found = runAll(analyser, README, analyser.parse("Check everything"));

        assertThat(found).filteredOn(a -> a.category().equals("vague_words")).isEmpty();
        assertThat(found).filteredOn(a -> a.category().equals("passive_voice")).isEmpty();
    }

    @Test
    void vagueWordsAskedForByNameAreLookedForInAReadmeToo() {
        Requirement asked = analyser.parse("Find vague words");
        assertThat(asked.settings().vagueWords()).isEqualTo(VagueScope.ALL_DOCUMENTS);
        assertThat(analyser.parse("Check everything").settings().vagueWords())
                .isEqualTo(VagueScope.OUTSIDE_DOCUMENTATION);

        assertThat(quotes(runAll(analyser, README, asked))).contains("as soon as possible", "reasonably");
    }

    @Test
    void aProposalKeepsItsVagueWordsAndItsPassives() {
        List<Annotation> found = runAll(analyser, PROPOSAL, analyser.parse("Check everything"));

        assertThat(quotes(found.stream().filter(a -> a.category().equals("vague_words")).toList()))
                .containsExactly("approximately", "in the near future");
        assertThat(quotes(found.stream().filter(a -> a.category().equals("passive_voice")).toList()))
                .containsExactly("was approved", "be approved");
    }

    @Test
    void aLicenceCheckedForEverythingGetsNoEnglishPassiveButAllOfThemWhenPassivesAreNamed() {
        // the GNU Free Documentation License, and an obligation whose approver is not said: on licences, manual
        // pages and READMEs nobody tuned on, no English passive left by the hidden-actor rule was right (0 of 8)
        ExtractedText licence = text(
                "The Licensor hereby grants the Licensee a licence under this License, subject to section 4. "
                        + "The Licensee shall indemnify the Licensor against any liability under this License.",
                "An Endorsements section may contain statements that the text has been approved by an "
                        + "organization as the authoritative definition of a standard.",
                "Any modified version of the Document shall be approved before it is distributed under the terms "
                        + "of this License, and the warranty disclaimers hereof shall apply to the modified version.");

        List<Annotation> everything = runAll(analyser, licence, analyser.parse("Check everything"));
        List<Annotation> named = runAll(analyser, licence, analyser.parse("Check everything, passive voice too"));

        assertThat(everything).noneMatch(a -> a.category().equals("passive_voice"));
        assertThat(quotes(named.stream().filter(a -> a.category().equals("passive_voice")).toList()))
                .contains("been approved", "be approved");
    }

    @Test
    void passivesAskedForByNameAreAllReportedInAReadme() {
        List<Annotation> found = runAll(analyser, README,
                new Requirement("find passive voice", java.util.Set.of(Check.PASSIVE_VOICE), List.of(), false));

        assertThat(quotes(found)).contains("is maintained", "was written", "was then taken");
    }
}
