package dev.docannotator.analysis;

import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.ExtractedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the requirement says reaches the checks: the sentence limit it names and the English it is written in. */
class RequirementDrivesChecksTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    /** 31 words: under the default limit of 40, over the 25 the requirement asks for. */
    private static final String THIRTY_ONE_WORDS = "The contractor shall deliver the revised design documents to the project office "
            + "no later than the end of the second quarter so that the review board can approve them in time.";

    @Test
    void aLimitInTheRequirementReplacesTheDefaultOne() {
        ExtractedText t = text(THIRTY_ONE_WORDS);

        List<Annotation> strict = runAll(analyser, t, analyser.parse("Flag sentences longer than 25 words"));
        List<Annotation> lenient = runAll(analyser, t, analyser.parse("Flag long sentences"));

        assertThat(strict).extracting(Annotation::category).containsExactly("long_sentence");
        assertThat(strict.get(0).message()).contains("25");
        assertThat(lenient).isEmpty();
    }

    @Test
    void britishEnglishInTheRequirementAcceptsBritishSpelling() {
        ExtractedText t = text("The licences were organised by the regional office last year.");

        Requirement requirement = analyser.parse("Check spelling in British English");
        List<Annotation> british = runAll(analyser, t, requirement);

        assertThat(requirement.settings().variant()).isEqualTo(EnglishVariant.BRITISH);
        // American English (the default) flags "licences" and "organised": GrammarCheckTest covers that side.
        assertThat(british).extracting(Annotation::quote).doesNotContain("licences", "organised");
    }

    @Test
    void spellingsTheRequirementQuotesAreKeptConsistent() {
        ExtractedText t = text("Users sign in with their badge.", "After you sign in, the dashboard opens.",
                "If you cannot log in, call the help desk.");

        List<Annotation> found = runAll(analyser, t,
                analyser.parse("Make sure \"sign in\" and \"log in\" are used consistently"));

        assertThat(found).filteredOn(a -> a.rule().equals("inconsistent_terms/requested"))
                .singleElement().satisfies(a -> {
                    assertThat(a.quote()).isEqualTo("log in");
                    assertThat(a.suggestion()).isEqualTo("sign in");
                    assertThat(a.message()).contains("2 times");
                });
    }
}
