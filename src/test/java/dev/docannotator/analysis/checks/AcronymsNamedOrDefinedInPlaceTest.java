package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/**
 * Capitals in xz's, libjpeg's and OpenSSH's READMEs and in shadow's manual pages that the text itself defines or
 * shows to be names; in each test an abbreviation nothing explains is still asked for.
 */
class AcronymsNamedOrDefinedInPlaceTest {

    @Test
    void anExpansionInBracketsThatLooksLikeAPathStillDefinesTheAbbreviation() {
        // xz's README: "Branch/Call/Jump" is hidden from prose checks as a relative path, but it is the definition
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "For example, putting a BCJ (Branch/Call/Jump) filter before LZMA2 in the filter chain can improve"
                        + " compression ratio of executable files.",
                "The VLI encoding is used for the sizes.")))
                .containsExactly("VLI");
    }
}
