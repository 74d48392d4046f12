package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.AcronymScope;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.text.Genre;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Undefined acronyms in manual pages and READMEs are what their readers know more often than not (PKZIP, GSSAPI,
 * LLVM): asked for with everything else, they are looked for only outside documentation; named, everywhere.
 */
class AcronymScopeTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    /** A README in the manner of gnupg's and libffi's: software vocabulary, names its readers know. */
    private static final String[] README = {
        "Installation instructions: run ./configure, then make and make install. The configure script accepts the "
                + "option --prefix to choose the directory where the library and its header files are installed.",
        "The library builds with LLVM and with MSVC, and on OSX 10.x the command-line tools must be installed "
                + "first. See the file INSTALL for the options of the build system.",
    };

    /** A proposal: its reader is asked to know the SLA and the RPO. */
    private static final String[] PROPOSAL = {
        "We propose to move the customer portal to the new cluster before the end of the quarter. The budget covers "
                + "two engineers for three months and the monitoring tools.",
        "The move must keep the SLA agreed with our customers, and the RPO of the backups stays at one hour. We will "
                + "report progress to the board every month until the portal runs on the new cluster.",
    };

    private List<String> acronyms(String requirement, String... paragraphs) {
        return quotes(runAll(analyser, text(paragraphs), analyser.parse(requirement)).stream()
                .filter(a -> a.category().equals("undefined_acronyms")).toList());
    }

    @Test
    void theGenresAreWhatTheTestsSayTheyAre() {
        assertThat(Genre.of(String.join("\n", README))).isEqualTo(Genre.TECHNICAL);
        assertThat(Genre.of(String.join("\n", PROPOSAL))).isEqualTo(Genre.GENERAL);
    }

    @Test
    void aReadmeCheckedForEverythingGetsNoAcronymsButAProposalDoes() {
        assertThat(acronyms("Check everything", README)).isEmpty();
        assertThat(acronyms("全部检查", README)).isEmpty();
        assertThat(acronyms("Check everything", PROPOSAL)).containsExactly("SLA", "RPO");
    }

    @Test
    void aReadmeGetsItsAcronymsWhenTheUserNamesThem() {
        assertThat(acronyms("Check everything, including acronyms", README)).containsExactly("LLVM", "MSVC", "OSX");
        assertThat(acronyms("检查缩写是否都有定义", README)).containsExactly("LLVM", "MSVC", "OSX");
        assertThat(acronyms("Are all abbreviations defined?", PROPOSAL)).containsExactly("SLA", "RPO");
    }

    @Test
    void theScopeIsAParameterOfTheCheckInWhatRan() {
        assertThat(scope(analyser.parse("Check everything"))).isEqualTo("by_genre");
        assertThat(scope(analyser.parse("Check acronyms and long sentences"))).isEqualTo("all");
        assertThat(scope(analyser.parse("全部检查，特别是缩写"))).isEqualTo("all");
        // a requirement given as checks names them
        assertThat(new Requirement("t", java.util.Set.of(Check.UNDEFINED_ACRONYMS), List.of(), false).settings()
                .acronyms()).isEqualTo(AcronymScope.ALL);
    }

    @Test
    void onlyDocumentationIsLeftOutAndOnlyUnderTheBroadAsk() {
        for (Genre genre : Genre.values()) {
            assertThat(AcronymGenres.reads(AcronymScope.ALL, genre)).isTrue();
            assertThat(AcronymGenres.reads(AcronymScope.BY_GENRE, genre)).isEqualTo(!genre.isDocumentation());
        }
    }

    private static Object scope(Requirement requirement) {
        return requirement.checksRun().stream().filter(r -> r.id().equals("undefined_acronyms")).map(CheckRun::params)
                .map((Map<String, Object> p) -> p.get("scope")).findFirst().orElseThrow();
    }
}
