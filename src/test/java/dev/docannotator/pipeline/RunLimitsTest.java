package dev.docannotator.pipeline;

import static dev.docannotator.testsupport.PipelineEvents.annotations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.text.TextHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hard per-task limits: findings stored, extracted text, result size. */
class RunLimitsTest {
    @TempDir
    Path dir;

    private Engine engine(RunLimits limits) {
        return new Engine(new DocumentHandlers(List.of(TextHandler.plainText(DocumentLimits.defaults()))),
                WordFindingAnalyser.of("todo"), DocumentLimits.defaults()).withRunLimits(limits);
    }

    private PipelineInput input(int todos) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= todos; i++) {
            sb.append("Line ").append(i).append(" has a TODO marker\n\n"); // one paragraph each
        }
        Path file = Files.writeString(dir.resolve("doc.txt"), sb.toString());
        return new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("out.html"));
    }

    private static List<PipelineEvent> drive(PipelineRun run, int steps) {
        List<PipelineEvent> events = new ArrayList<>();
        for (int i = 0; i < steps && run.hasNext(); i++) {
            events.addAll(run.next());
        }
        return events;
    }

    @Test
    void beyondTheFindingsLimitEachCategoryGetsOneSummaryFindingAndTheStreamANote() throws Exception {
        List<PipelineEvent> events;
        try (PipelineRun run = engine(new RunLimits(1_000_000, 10, 10_000_000)).start(input(25), null, Locale.ENGLISH)) {
            events = drive(run, Integer.MAX_VALUE);
        }
        List<Annotation> found = annotations(events);
        assertThat(found).hasSize(11);
        Annotation summary = found.get(10);
        assertThat(summary.id()).isEqualTo("a11");
        assertThat(summary.rule()).isEqualTo("finding_limit");
        assertThat(summary.message()).contains("15 more").contains("limit of 10 findings");
        assertThat(summary.quote()).isEqualTo("TODO");
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PipelineEvent.Progress.class,
                p -> assertThat(p.message()).contains("limit of 10 findings")));
        PipelineEvent.Completed completed = (PipelineEvent.Completed) events.get(events.size() - 1);
        assertThat(completed.annotationCount()).isEqualTo(11);
    }

    @Test
    void aRunResumedAfterTheLimitWasReachedCountsTheSameAsAnUninterruptedOne() throws Exception {
        Engine engine = engine(new RunLimits(1_000_000, 10, 10_000_000));
        PipelineInput input = input(25);
        Checkpoint midway;
        List<PipelineEvent> before;
        try (PipelineRun run = engine.start(input, null, Locale.ENGLISH)) {
            before = drive(run, 20); // read, then past the limit in analysis
            midway = Json.read(Json.write(run.checkpoint()), Checkpoint.class);
        }
        assertThat(midway.stage()).isEqualTo(Stage.ANALYSE);
        assertThat(midway.dropped()).isNotEmpty();
        List<PipelineEvent> after;
        try (PipelineRun run = engine.start(input, midway, Locale.ENGLISH)) {
            after = drive(run, Integer.MAX_VALUE);
        }
        Annotation summary = annotations(after).get(annotations(after).size() - 1);
        assertThat(summary.message()).contains("15 more");
        assertThat(annotations(before)).hasSize(10);
    }

    @Test
    void tooMuchTextIsRefusedWithTheLimitInTheMessage() throws Exception {
        try (PipelineRun run = engine(new RunLimits(100, 10, 10_000_000)).start(input(25), null, Locale.ENGLISH)) {
            assertThatThrownBy(() -> drive(run, Integer.MAX_VALUE)).isInstanceOf(DocumentRejectedException.class)
                    .hasMessageContaining("more than 100 characters");
        }
    }

    @Test
    void aResultLargerThanTheLimitFailsClearlyAndLeavesNoFileBehind() throws Exception {
        PipelineInput input = input(3000);
        try (PipelineRun run = engine(new RunLimits(1_000_000, 10_000, 1)).start(input, null, Locale.ENGLISH)) {
            assertThatThrownBy(() -> drive(run, Integer.MAX_VALUE)).isInstanceOf(DocumentRejectedException.class)
                    .hasMessageContaining("more than the limit of 0 MB");
        }
        assertThat(input.output()).doesNotExist();
        assertThat(dir.resolve("out.html.part")).doesNotExist();
    }
}
