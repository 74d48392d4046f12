package dev.docannotator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A huge block (a one-line TXT, a giant DOCX paragraph) is analysed in bounded windows with the same findings. */
class HugeBlockStepsTest {
    private static final String[] CLEAN = {
        "The team wrote the report in three days.", "The upload limit is 25 MB.", "系统在三天内删除文件。",
        "Send the PDF to the owner by e-mail; the e-mail address is on the form.",
    };
    private static final String[] FAULTY = {
        "The report was approved by the the team.", "It will take approximately 3 days.", "TODO: review the draft.",
        "We need three (4) servers.", "文件被系统删除了，预计大概需要3天左右。", "The upload limit is 30 MB.",
        "An SLA applies to every request that is sent to the service before the deadline that was agreed with the "
                + "customer in the contract signed last year by both parties and reviewed by the legal team of the "
                + "company before it was approved.",
    };
    private static final int LENGTH = 300_000;

    private final DefaultAnalyser analyser = new DefaultAnalyser();
    /** Inconsistent terms, acronyms, quantities (two), and the ranked style checks: long sentences, passives, vague words. */
    private static final int DOCUMENT_STEPS = 7;
    private final Requirement defaults = analyser.parse("");

    /** About 300 000 characters in one block, a faulty sentence every 40 (below the per-step cap of the old layout). */
    private static ExtractedText hugeBlock() {
        StringBuilder line = new StringBuilder(LENGTH + 300);
        for (int i = 0; line.length() < LENGTH; i++) {
            line.append(i % 40 == 39 ? FAULTY[(i / 40) % FAULTY.length] : CLEAN[i % CLEAN.length]).append(' ');
        }
        TextBuilder builder = new TextBuilder();
        builder.append("A normal first paragraph was written by the team.", 1, 1);
        builder.append(line.toString().strip(), 1, 2);
        builder.append("A normal last paragraph; TBD.", 1, 3);
        return builder.build();
    }

    private static List<List<Annotation>> steps(AnalysisSession session, int from) {
        List<List<Annotation>> steps = new ArrayList<>();
        for (int i = from; i < session.stepCount(); i++) {
            steps.add(session.analyseStep(i));
        }
        return steps;
    }

    @Test
    void aHugeBlockIsManyStepsEachReadingAtMostOneWindow() {
        ExtractedText text = hugeBlock();
        TextBlock huge = text.blocks().get(1);
        try (AnalysisSession session = analyser.start(text, defaults)) {
            int blockSteps = session.stepCount() - DOCUMENT_STEPS;
            assertThat(blockSteps).isGreaterThanOrEqualTo(2 + huge.length() / StepwiseSession.MAX_STEP_CHARS);
            for (int i = 1; i < blockSteps - 1; i++) {
                List<Annotation> step = session.analyseStep(i);
                if (!step.isEmpty()) {
                    int first = step.stream().mapToInt(Annotation::start).min().orElseThrow();
                    int last = step.stream().mapToInt(Annotation::end).max().orElseThrow();
                    assertThat(last - first).as("step %d", i).isLessThanOrEqualTo(StepwiseSession.MAX_STEP_CHARS);
                    assertThat(step).allSatisfy(a -> assertThat(a.paragraph()).isEqualTo(2));
                }
            }
        }
    }

    @Test
    void theWindowsFindExactlyWhatTheWholeBlockInOneStepFinds() {
        ExtractedText text = hugeBlock();
        List<Annotation> windowed = new ArrayList<>();
        List<Annotation> whole = new ArrayList<>();
        try (AnalysisSession session = analyser.start(text, defaults);
             AnalysisSession oneStep = analyser.start(text, defaults, Integer.MAX_VALUE)) {
            steps(session, 0).forEach(windowed::addAll);
            steps(oneStep, 0).forEach(whole::addAll);
            assertThat(oneStep.stepCount()).isEqualTo(3 + DOCUMENT_STEPS);
        }

        assertThat(windowed).hasSizeGreaterThan(100).containsExactlyElementsOf(whole);
        assertThat(windowed.stream().collect(Collectors.groupingBy(Annotation::category, Collectors.counting())))
                .containsKeys("passive_voice", "repeated_words", "vague_words", "todo_markers", "number_mismatch",
                        "long_sentence", "undefined_acronyms");
        AnalysisFixture.assertAnchored(text, windowed);
    }

    @Test
    void normalBlocksAreOneStepEachAsBefore() {
        String longest = "Word ".repeat(StepwiseSession.MAX_STEP_CHARS / 5).strip() + ".";
        ExtractedText text = AnalysisFixture.text("It was written by the the team.", longest, "文件被系统删除了。");
        assertThat(text.blocks().get(1).length()).isLessThanOrEqualTo(StepwiseSession.MAX_STEP_CHARS);

        try (AnalysisSession session = analyser.start(text, defaults);
             AnalysisSession oneStep = analyser.start(text, defaults, Integer.MAX_VALUE)) {
            assertThat(session.stepCount()).isEqualTo(text.blocks().size() + DOCUMENT_STEPS);
            assertThat(steps(session, 0)).isEqualTo(steps(oneStep, 0));
        }
    }

    @Test
    void aFreshSessionSteppedFromAnyIndexMatchesTheTailOfAnUninterruptedRun() {
        ExtractedText text = hugeBlock();
        List<List<Annotation>> uninterrupted;
        try (AnalysisSession session = analyser.start(text, defaults)) {
            uninterrupted = steps(session, 0);
        }
        int count = uninterrupted.size();
        for (int k : new int[] {1, 2, count / 3, count / 2 + 1, count - 4, count - 2, count - 1}) {
            try (AnalysisSession resumed = new DefaultAnalyser().start(text, defaults)) {
                assertThat(steps(resumed, k)).as("resumed at %d", k).isEqualTo(uninterrupted.subList(k, count));
            }
        }
    }

    @Test
    void theCapOfOneCategoryAppliesToEachWindow() {
        TextBuilder builder = new TextBuilder();
        builder.append("the the ".repeat(50_000).strip(), null, 1);
        ExtractedText text = builder.build();
        Requirement repeated = new Requirement("r", java.util.Set.of(Check.REPEATED_WORDS), List.of(), false);

        List<Annotation> all = new ArrayList<>();
        try (AnalysisSession session = analyser.start(text, repeated)) {
            for (List<Annotation> step : steps(session, 0)) {
                assertThat(step).hasSizeLessThanOrEqualTo(Findings.MAX_PER_CATEGORY);
                all.addAll(step);
            }
        }
        // As many as the same text would give split into paragraphs of one window each, not a flood of 100 000.
        assertThat(all).hasSizeGreaterThan(Findings.MAX_PER_CATEGORY)
                .hasSizeLessThanOrEqualTo(Findings.MAX_PER_CATEGORY * (text.text().length() / 2000 + 1));
        Map<Integer, Long> perStart = all.stream().collect(Collectors.groupingBy(Annotation::start, Collectors.counting()));
        assertThat(perStart.values()).allMatch(n -> n == 1);
    }
}
