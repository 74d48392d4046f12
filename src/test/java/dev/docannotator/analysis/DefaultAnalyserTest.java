package dev.docannotator.analysis;

import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.analysis.requirement.RequirementParser;
import dev.docannotator.document.ExtractedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultAnalyserTest {
    private static final ExtractedText SAMPLE = text(
            "The report was approved by the the team. It will take approximately 3 days. TODO: review.",
            "The upload limit is 25 MB. Send an email to the SLA owner.",
            "文件被系统删除了，预计大概需要3天左右。价格待定。",
            "A Service Level Agreement (SLA) is binding. E-mail is fine. The upload limit is 30 MB.",
            "We need three (4) servers.");

    private final DefaultAnalyser analyser = new DefaultAnalyser();
    /**
     * Document-wide steps of the default set: the four document checks and the three style checks, which run over
     * the whole document so that only their strongest findings are annotated.
     */
    private static final int DOCUMENT_STEPS = 7;

    @Test
    void hasOneStepPerNormalBlockAndOneStepPerDocumentCheck() {
        try (AnalysisSession session = analyser.start(SAMPLE, analyser.parse(""))) {
            assertThat(session.stepCount()).isEqualTo(SAMPLE.blocks().size() + DOCUMENT_STEPS);
        }
        try (AnalysisSession session = analyser.start(SAMPLE, new Requirement("p", Set.of(Check.PASSIVE_VOICE), List.of(), false))) {
            // passive voice is ranked over the whole document: no block steps do anything, one document step does
            assertThat(session.stepCount()).isEqualTo(SAMPLE.blocks().size() + 1);
            assertThat(steps(session, 0, SAMPLE.blocks().size())).isEmpty();
            assertThat(session.analyseStep(SAMPLE.blocks().size())).isNotEmpty();
        }
        try (AnalysisSession session = analyser.start(ExtractedText.empty(), analyser.parse(""))) {
            assertThat(session.stepCount()).isEqualTo(DOCUMENT_STEPS);
            assertThat(steps(session, 0, DOCUMENT_STEPS)).isEmpty();
        }
    }

    @Test
    void blockStepsFindBlockProblemsAndTheLastStepsFindDocumentProblems() {
        try (AnalysisSession session = analyser.start(SAMPLE, analyser.parse(""))) {
            List<Annotation> first = session.analyseStep(0);
            List<Annotation> last = steps(session, SAMPLE.blocks().size(), session.stepCount());

            assertThat(first).extracting(Annotation::category).contains("repeated_words", "todo_markers");
            assertThat(first).allSatisfy(a -> assertThat(a.paragraph()).isEqualTo(1));
            assertThat(last).extracting(Annotation::category).containsOnly("inconsistent_terms", "undefined_acronyms",
                    "number_mismatch", "passive_voice", "vague_words");
            assertThat(last).extracting(Annotation::quote).contains("E-mail", "SLA", "30 MB");
        }
    }

    @Test
    void eachDocumentCheckIsAStepOfItsOwn() {
        try (AnalysisSession session = analyser.start(SAMPLE, analyser.parse(""))) {
            int blocks = SAMPLE.blocks().size();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = blocks; i < session.stepCount(); i++) {
                List<String> categories = session.analyseStep(i).stream().map(Annotation::category).distinct().toList();
                assertThat(categories).as("step %d", i).hasSizeLessThanOrEqualTo(1);
                categories.forEach(c -> assertThat(seen.add(c)).as("%s in one step only", c).isTrue());
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    private static List<Annotation> steps(AnalysisSession session, int from, int to) {
        List<Annotation> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            all.addAll(session.analyseStep(i));
        }
        return all;
    }

    @Test
    void annotationsOfAStepAreInDocumentOrderWithoutDuplicates() {
        ExtractedText t = text("Some some approximately TBD TBD and the the end.");
        Requirement r = new Requirement("t", RequirementParser.defaultChecks(), List.of(), true);
        try (AnalysisSession session = analyser.start(t, r)) {
            List<Annotation> step = session.analyseStep(0);
            assertThat(step).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
            assertThat(step).doesNotHaveDuplicates();
        }
    }

    @Test
    void offsetsPointIntoTheWholeTextNotTheBlock() {
        List<Annotation> found = runAll(analyser, SAMPLE, analyser.parse("TODO markers"));

        assertThat(found).extracting(Annotation::quote).containsExactly("TODO", "待定");
        assertThat(found.get(1).start()).isEqualTo(SAMPLE.text().indexOf("待定"));
        assertThat(found.get(1).paragraph()).isEqualTo(3);
    }

    @Test
    void theSameInputAlwaysGivesTheSameAnnotations() {
        Requirement r = analyser.parse("");

        List<Annotation> once = runAll(analyser, SAMPLE, r);
        List<Annotation> twice = runAll(new DefaultAnalyser(), SAMPLE, r);

        assertThat(once).isNotEmpty().isEqualTo(twice);
    }

    @Test
    void aFreshSessionSteppedFromAnyIndexMatchesTheTailOfAnUninterruptedRun() {
        Requirement r = analyser.parse("");
        List<List<Annotation>> uninterrupted = new ArrayList<>();
        try (AnalysisSession session = analyser.start(SAMPLE, r)) {
            for (int i = 0; i < session.stepCount(); i++) {
                uninterrupted.add(session.analyseStep(i));
            }
        }
        for (int k = 0; k < uninterrupted.size(); k++) {
            try (AnalysisSession resumed = new DefaultAnalyser().start(SAMPLE, r)) {
                for (int i = k; i < resumed.stepCount(); i++) {
                    assertThat(resumed.analyseStep(i)).as("step %d resumed at %d", i, k).isEqualTo(uninterrupted.get(i));
                }
            }
        }
    }

    @Test
    void runsOnlyTheSelectedChecks() {
        List<Annotation> found = runAll(analyser, SAMPLE, new Requirement("p", Set.of(Check.PASSIVE_VOICE), List.of(), false));

        assertThat(found).isNotEmpty().allSatisfy(a -> assertThat(a.category()).isEqualTo("passive_voice"));
    }

    @Test
    void refusesStepsOutsideTheSessionAndAfterClose() {
        AnalysisSession session = analyser.start(SAMPLE, analyser.parse(""));

        assertThatThrownBy(() -> session.analyseStep(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> session.analyseStep(session.stepCount())).isInstanceOf(IndexOutOfBoundsException.class);
        session.close();
        assertThatThrownBy(() -> session.analyseStep(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cleanTextGetsNoAnnotationsFromTheDefaultChecks() {
        ExtractedText clean = text("The team wrote the report in three days.", "The upload limit is 25 MB.",
                "系统在三天内删除文件。", "Send the PDF to the owner by e-mail; the e-mail address is on the form.");

        assertThat(runAll(analyser, clean, analyser.parse(""))).isEmpty();
    }

    @Test
    void readsTheEnglishVariantSetting() {
        assertThat(EnglishVariant.fromSetting(null)).isEqualTo(EnglishVariant.AMERICAN);
        assertThat(EnglishVariant.fromSetting("en_GB")).isEqualTo(EnglishVariant.BRITISH);
        assertThat(EnglishVariant.fromSetting("British")).isEqualTo(EnglishVariant.BRITISH);
        assertThatThrownBy(() -> EnglishVariant.fromSetting("klingon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("american");
    }
}
