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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {
    @TempDir
    Path dir;

    private final Engine engine = new Engine(
            new DocumentHandlers(List.of(TextHandler.plainText(DocumentLimits.defaults()))),
            WordFindingAnalyser.of("todo"), DocumentLimits.defaults());

    private Path document(int lines) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            sb.append("Line ").append(i).append(i % 7 == 0 ? " has a TODO marker" : " is fine").append("\r\n\r\n");
        }
        Path file = dir.resolve("doc.txt");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private record Outcome(List<PipelineEvent> events, String output) {
    }

    private Outcome runToEnd(PipelineInput input, Checkpoint from) throws Exception {
        List<PipelineEvent> events = new ArrayList<>();
        try (PipelineRun run = engine.start(input, from, Locale.ENGLISH)) {
            while (run.hasNext()) {
                events.addAll(run.next());
            }
        }
        return new Outcome(events, Files.readString(input.output()));
    }

    @Test
    void progressRisesThroughTheStageBandsAndEndsWithCompleted() throws Exception {
        Path file = document(1000);
        Outcome outcome = runToEnd(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("out.html")), null);

        int last = -1;
        for (PipelineEvent event : outcome.events()) {
            if (event instanceof PipelineEvent.Progress p) {
                assertThat(p.progress()).isGreaterThanOrEqualTo(last).isBetween(0, 100);
                switch (p.stage()) {
                    case READ -> assertThat(p.progress()).isBetween(0, 15);
                    case ANALYSE -> assertThat(p.progress()).isBetween(15, 55);
                    case APPLY -> assertThat(p.progress()).isBetween(55, 100);
                    default -> throw new AssertionError("unexpected stage " + p.stage());
                }
                last = p.progress();
            }
        }
        assertThat(last).isEqualTo(100);
        PipelineEvent end = outcome.events().get(outcome.events().size() - 1);
        assertThat(end).isInstanceOf(PipelineEvent.Completed.class);
        PipelineEvent.Completed completed = (PipelineEvent.Completed) end;
        assertThat(completed.annotationCount()).isEqualTo(1000 / 7);
        assertThat(completed.summary()).containsEntry("terms", 1000 / 7);
        assertThat(annotations(outcome.events())).extracting(Annotation::id)
                .startsWith("a1", "a2").doesNotHaveDuplicates();
    }

    @Test
    void everyQuoteIsTheTextBetweenItsOffsets() throws Exception {
        Path file = document(50);
        List<PipelineEvent> events = new ArrayList<>();
        String text;
        try (PipelineRun run = engine.start(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("o.html")), null, Locale.ENGLISH)) {
            while (run.hasNext()) {
                events.addAll(run.next());
            }
            text = run.text().text();
        }
        for (Annotation a : annotations(events)) {
            assertThat(text.substring(a.start(), a.end())).isEqualTo(a.quote()).isEqualToIgnoringCase("todo");
            assertThat(a.paragraph()).isNotNull();
        }
    }

    @Test
    void resumingFromACheckpointAtAnyStepEqualsAnUninterruptedRun() throws Exception {
        Path file = document(900);
        Outcome whole = runToEnd(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("whole.html")), null);
        List<Annotation> expected = annotations(whole.events());

        int steps = 0;
        try (PipelineRun probe = engine.start(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("probe.html")), null, Locale.ENGLISH)) {
            while (probe.hasNext()) {
                probe.next();
                steps++;
            }
        }
        List<Stage> stagesSeen = new ArrayList<>();
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>();
        for (int cut = 0; cut < steps; cut += Math.max(1, steps / 25)) {
            cuts.add(cut);
        }
        for (int cut = Math.max(0, steps - 6); cut < steps; cut++) {
            cuts.add(cut); // the apply stage is only a few steps long
        }
        for (int cut : cuts) {
            PipelineInput input = new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("cut" + cut + ".html"));
            List<PipelineEvent> before = new ArrayList<>();
            Checkpoint checkpoint;
            try (PipelineRun run = engine.start(input, null, Locale.ENGLISH)) {
                for (int i = 0; i < cut; i++) {
                    before.addAll(run.next());
                }
                // A checkpoint survives a round trip through JSON: that is how the server stores it.
                checkpoint = Json.read(Json.write(run.checkpoint()), Checkpoint.class);
            }
            stagesSeen.add(checkpoint.stage());
            Outcome rest = runToEnd(input, checkpoint);
            List<Annotation> all = new ArrayList<>(annotations(before));
            all.addAll(annotations(rest.events()));
            assertThat(all).as("annotations resumed at step %d", cut).isEqualTo(expected);
            assertThat(rest.output()).as("output resumed at step %d", cut).isEqualTo(whole.output());
            int firstProgress = rest.events().stream().filter(e -> e instanceof PipelineEvent.Progress)
                    .mapToInt(e -> ((PipelineEvent.Progress) e).progress()).findFirst().orElse(100);
            assertThat(firstProgress).isGreaterThanOrEqualTo(checkpoint.progress());
        }
        assertThat(stagesSeen).contains(Stage.READ, Stage.ANALYSE, Stage.APPLY);
    }

    @Test
    void aDocumentWithoutTextIsRejected() throws Exception {
        Path file = dir.resolve("blank.txt");
        Files.writeString(file, "   \n\n  \n");
        try (PipelineRun run = engine.start(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("b.html")), null, Locale.ENGLISH)) {
            assertThatThrownBy(() -> {
                while (run.hasNext()) {
                    run.next();
                }
            }).isInstanceOf(DocumentRejectedException.class).hasMessageContaining("no text");
        }
        assertThat(dir.resolve("b.html")).doesNotExist();
    }

    @Test
    void messagesFollowTheRequestedLanguage() throws Exception {
        Path file = document(10);
        try (PipelineRun run = engine.start(new PipelineInput(file, DocumentFormat.TXT, "", dir.resolve("zh.html")), null, Locale.CHINESE)) {
            PipelineEvent.Progress first = (PipelineEvent.Progress) run.next().get(0);
            assertThat(first.message()).isEqualTo("正在读取文档");
        }
    }
}
