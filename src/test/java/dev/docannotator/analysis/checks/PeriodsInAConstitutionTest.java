package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A period in words against periods in digits in a long text that states many periods, as Debian's constitution does
 * (held-out set 10: all 8 such findings there compared two different periods).
 */
class PeriodsInAConstitutionTest {

    @Test
    void aPeriodInWordsIsComparedWithTheFigureThatFitsItNotWithAnyFigureNearby() {
        // "two weeks" shares "minimum discussion period" with "2 weeks" and only "discussion" with "3 weeks"
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "There is a minimum discussion period of two weeks before an organization may be added to the list "
                        + "of trusted organizations.",
                "The discussion period starts when a draft resolution is proposed and sponsored. The minimum "
                        + "discussion period is 2 weeks. The maximum discussion period is 3 weeks.");

        assertThat(quotes(found)).containsExactly("two weeks");
        assertThat(found.get(0).rule()).isEqualTo("number_mismatch/written_two_ways");
        assertThat(found.get(0).suggestion()).isEqualTo("2 weeks");
    }

    @Test
    void aValueTheDocumentAlsoGivesInARelatedSentenceIsNotContradicted() {
        // "original" ties the ballot's "Two weeks" to the Leader's "1 week" by chance ("original proposal", "original
        // values"); "voting" ties it to the voting period of 2 weeks: a length the document gives is no contradiction
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "Two weeks after the original proposal the ballot is closed to any changes and voting starts "
                        + "automatically.",
                "The Project Leader may increase or decrease the minimum and maximum discussion period by up to "
                        + "1 week from their original values, unless changes are still pending.",
                "The voting period is 2 weeks.");

        assertThat(found).noneMatch(a -> a.rule().equals("number_mismatch/words_vs_digits"));
        assertThat(quotes(found)).containsExactly("Two weeks");
        assertThat(found.get(0).suggestion()).isEqualTo("2 weeks");
    }

    @Test
    void wordsFoundAllOverTheDocumentDoNotMakeTwoPeriodsOneThing() {
        // "Project" is in every sentence here, so the Leader's term and the Secretary's term are not one period;
        // "nomination period" is said twice only, and the two lengths of it disagree
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "The Project Leader is elected by the Developers of the Project.",
                "The Project Leader serves for one year from their election.",
                "The Project Leader may appoint Delegates for the Project.",
                "The Project Leader has a casting vote in the Project.",
                "The Project Secretary's term of office is 2 years, at which point they or another Secretary must "
                        + "be (re)appointed.",
                "The Project nomination period lasts 3 weeks.",
                "During the Project nomination period, which lasts two weeks, Developers may nominate themselves.");

        assertThat(quotes(found)).containsExactly("two weeks");
        assertThat(found.get(0).rule()).isEqualTo("number_mismatch/words_vs_digits");
        assertThat(found.get(0).suggestion()).isEqualTo("3 weeks");
    }

    @Test
    void aDocumentThatWritesPeriodsBothWaysHabituallyHasNoOneWayToKeepTo() {
        String polling = "The next two weeks are the polling period during which Developers cast their votes.";
        String voting = "The voting period is 2 weeks, and votes are cast by signed mail.";
        // alone, the pair is one period written two ways
        assertThat(quotes(run(Check.NUMBER_MISMATCH, polling, voting))).containsExactly("two weeks");
        // in a text that writes periods in words three times and in digits three times, it is the text's habit
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "The election begins six weeks before the post becomes vacant.",
                "For three days after that no more candidates may be nominated.",
                polling, voting,
                "The Chair serves for 1 year.",
                "A member may not be reappointed within 12 months.");

        assertThat(found).isEmpty();
    }

    @Test
    void twoDifferentPeriodsInOneSentenceAreTwoThingsTheWriterSaw() {
        assertThat(run(Check.NUMBER_MISMATCH,
                "The voting period is 2 weeks, but may be varied by up to one week by the Project Leader.")).isEmpty();
    }

    @Test
    void aMonthsNameIsNoLengthInMonths() {
        // 三月 and 6月 are March and June; 三个月 and 6个月 are lengths
        assertThat(run(Check.NUMBER_MISMATCH, "试点项目计划在三月启动，由平台组负责。",
                "试点项目需要6个月，预计在6月底前完成第一阶段。")).isEmpty();
        assertThat(quotes(run(Check.NUMBER_MISMATCH, "试点项目需要三个月。", "试点项目预计需要6个月完成。")))
                .containsExactly("三个月");
    }

    @Test
    void aManualPageGivesASettingsPeriodInDigitsAndTellsItInWordsButAContradictionIsStillOne() {
        String[] find = {
                "NAME",
                "find - search for files in a directory hierarchy",
                "SYNOPSIS",
                "find [-H] [-L] [-P] [starting-point...] [expression]",
                "DESCRIPTION",
                "-mtime n  File's data was last modified less than, more than or exactly n*24 hours ago; with "
                        + "-mtime 0 the file was modified within the last 24 hours.",
                "EXAMPLES",
                "$ find $HOME -mtime 0",
                "Search for files in your home directory which have been modified in the last twenty-four hours."};
        assertThat(run(Check.NUMBER_MISMATCH, find)).isEmpty();

        String[] contradicted = find.clone();
        contradicted[5] = contradicted[5].replace("within the last 24 hours", "within the last 48 hours");
        contradicted[5] = contradicted[5].replace("n*24 hours ago", "n days ago");
        assertThat(quotes(run(Check.NUMBER_MISMATCH, contradicted))).containsExactly("twenty-four hours");
    }

    @Test
    void aReleaseScheduleOfSeveralPhasesInDigitsIsNotContradictedByOneMorePhaseInWordsButOneFigureIs() {
        // a release developed for 17 months, fixed for 18, then patched for 3 years: "five months" is one more phase
        List<Annotation> schedule = run(Check.NUMBER_MISMATCH,
                "Each release is developed for around 17 months before its final version is published.",
                "The first five months of development overlap with the beta phase of the previous release.",
                "After the final version, the release receives bug fix updates for 18 months of development "
                        + "support, then security fixes for 3 years.");
        assertThat(quotes(schedule)).isEmpty();

        // one figure in digits, then another value in words for the same phase: an edit that missed one place
        List<Annotation> contradiction = run(Check.NUMBER_MISMATCH,
                "Each release is developed for around 17 months before its final version is published.",
                "The release is developed for fifteen months before its final version.");
        assertThat(quotes(contradiction)).containsExactly("fifteen months");
        assertThat(contradiction.get(0).rule()).isEqualTo("number_mismatch/words_vs_digits");
    }
}
