package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per category and document, the strongest findings are annotated up to a limit and the rest summarised once. */
class RankedCheckTest {

    /** A licence-like text: every clause in the passive, as licences are written. */
    private static String[] licence(int clauses) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1; i <= clauses; i++) {
            paragraphs.add("Section " + i + ". The Work shall be deemed licensed to the Licensee, and no warranty is "
                    + "given by the Licensor hereunder; the Licensee shall indemnify the Licensor pursuant to clause " + i
                    + ", and the licence is granted subject to these terms.");
        }
        return paragraphs.toArray(String[]::new);
    }

    @Test
    void aLicenceGetsAFewPassivesAndOneSummaryInsteadOfDozens() {
        List<Annotation> found = run(Check.PASSIVE_VOICE, licence(20));

        List<Annotation> summaries = found.stream().filter(a -> a.rule().equals("passive_voice/summary")).toList();
        assertThat(found).hasSize(3 + 1);
        assertThat(summaries).hasSize(1);
        assertThat(summaries.get(0).severity()).isEqualTo("info");
        assertThat(summaries.get(0).message()).contains("57 more passive constructions");
        // agentless passives ("is granted") rank above "shall be deemed" and "given by the Licensor"
        assertThat(found).filteredOn(a -> !a.rule().endsWith("summary")).extracting(Annotation::quote)
                .allSatisfy(q -> assertThat(q).startsWith("is granted"));
    }

    @Test
    void ordinaryProseKeepsTenAndFewerFindingsAreNotSummarised() {
        String[] notes = new String[14];
        for (int i = 0; i < notes.length; i++) {
            notes[i] = "Release " + i + " was tested on Debian, and the notes were written afterwards.";
        }
        List<Annotation> many = run(Check.PASSIVE_VOICE, notes);
        List<Annotation> few = run(Check.PASSIVE_VOICE, "The bug was fixed on Monday.", "The fix was reviewed.");

        assertThat(many).hasSize(10 + 1);
        assertThat(many.get(many.size() - 1).message()).contains("18 more");
        assertThat(few).hasSize(2).noneMatch(a -> a.rule().endsWith("summary"));
    }
}
