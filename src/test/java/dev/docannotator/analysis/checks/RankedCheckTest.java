package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.only;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.common.Language;
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
        assertThat(summaries.get(0).message()).contains("This and 56 more passive constructions");
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
        assertThat(many.get(many.size() - 1).message()).contains("This and 17 more");
        assertThat(few).hasSize(2).noneMatch(a -> a.rule().endsWith("summary"));
    }

    /** A manual page: the standard section headings, then options described in the passive, as manuals are. */
    private static String[] manual(int options) {
        List<String> paragraphs = new ArrayList<>(List.of("NAME", "       frob - frobnicate files", "SYNOPSIS",
                "       frob [OPTION]... FILE...", "DESCRIPTION", "       frob frobnicates each FILE."));
        for (int i = 1; i <= options; i++) {
            paragraphs.add("       Option " + i + " must be given before the files; otherwise it was ignored.");
        }
        return paragraphs.toArray(String[]::new);
    }

    @Test
    void aManualPageGetsAFewPassivesAndASummarySayingWhyInTheReadersLanguage() {
        List<Annotation> english = run(only(Check.PASSIVE_VOICE), manual(12));
        List<Annotation> chinese = run(only(Check.PASSIVE_VOICE).withLanguage(Language.CHINESE), manual(12));

        assertThat(english).hasSize(3 + 1);
        assertThat(english.get(english.size() - 1).message()).contains("more passive constructions")
                .contains("manual page");
        assertThat(chinese.get(chinese.size() - 1).message()).contains("被动句").contains("手册页");
        // the same sentences in a report keep ten, and the summary does not blame a genre
        List<Annotation> report = run(Check.PASSIVE_VOICE, java.util.Arrays.stream(manual(12), 6, 18)
                .map(p -> p.replace("Option", "Step").replace("the files", "the review")).toArray(String[]::new));
        assertThat(report).hasSize(10 + 1);
        assertThat(report.get(report.size() - 1).message()).doesNotContain("manual page");
        // without the headings but about options and files, they document software: few, and the summary says why
        List<Annotation> readme = run(Check.PASSIVE_VOICE, java.util.Arrays.copyOfRange(manual(12), 6, 18));
        assertThat(readme).hasSize(3 + 1);
        assertThat(readme.get(readme.size() - 1).message()).contains("documents software");
    }

    @Test
    void aSlipAgainstASettledSpellingOutranksTiesEvenAtTheEndOfTheDocument() {
        List<String> paragraphs = new ArrayList<>();
        for (String word : List.of("water", "fire", "earth", "stone", "cloud", "river", "light", "night", "storm",
                "frost", "sand", "wind", "iron", "gold", "glass", "paper", "wood", "salt", "snow", "rain", "leaf")) {
            paragraphs.add("The " + word + "-line is drawn here, and the " + word + "line is drawn there.");
        }
        for (int i = 0; i < 10; i++) {
            paragraphs.add("The website lists release " + i + ".");
        }
        paragraphs.add("Ask on the web-site if anything is unclear.");

        List<Annotation> found = run(Check.INCONSISTENT_TERMS, paragraphs.toArray(String[]::new));

        assertThat(found).hasSize(20 + 1);
        assertThat(found).filteredOn(a -> !a.rule().endsWith("summary")).extracting(Annotation::quote)
                .contains("web-site");
        assertThat(found).filteredOn(a -> a.rule().endsWith("summary")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("This and 1 more"));
    }
}
