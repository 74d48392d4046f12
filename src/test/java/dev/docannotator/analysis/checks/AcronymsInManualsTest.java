package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/** Capitals in grep(1), coreutils' and man-db's READMEs that are not undefined abbreviations; and ones that are. */
class AcronymsInManualsTest {

    @Test
    void announcedForwardReferencesAddressesNamesWithHyphensAndMakeVariablesAreLeftAlone() {
        assertThat(run(Check.UNDEFINED_ACRONYMS,
                "-E, --extended-regexp Interpret PATTERNS as extended regular expressions (EREs, see below).",
                "By default, under MS-DOS and MS-Windows, grep guesses whether a file is text or binary.",
                "To enable the 64 bit mode one can use: ./configure LDFLAGs=-maix64 and rebuild.",
                "Write to the Free Software Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301 USA.",
                "Extended regular expressions (ERE) add alternation.")).isEmpty();
    }

    @Test
    void anAbbreviationUsedBeforeItsDefinitionWithoutNoticeOrNeverDefinedIsStillReported() {
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Colors are given as SGR substrings for the terminal.",
                "Select Graphic Rendition (SGR) sequences are defined by the terminal.",
                "For compatibility with the old FSSTND, the following locations are also defined.")))
                .containsExactly("SGR", "FSSTND");
    }
}
