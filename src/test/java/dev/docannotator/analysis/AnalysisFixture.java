package dev.docannotator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds texts the way readers do and runs the real analyser over them, checking every annotation's anchor. */
public final class AnalysisFixture {
    private AnalysisFixture() {
    }

    /** One block per paragraph, numbered from 1, on page 1. */
    public static ExtractedText text(String... paragraphs) {
        TextBuilder builder = new TextBuilder();
        for (int i = 0; i < paragraphs.length; i++) {
            builder.append(paragraphs[i], 1, i + 1);
        }
        return builder.build();
    }

    /** All annotations of all steps, checking that each is anchored correctly. */
    public static List<Annotation> runAll(Analyser analyser, ExtractedText text, Requirement requirement) {
        List<Annotation> all = new ArrayList<>();
        try (AnalysisSession session = analyser.start(text, requirement)) {
            for (int i = 0; i < session.stepCount(); i++) {
                all.addAll(session.analyseStep(i));
            }
        }
        assertAnchored(text, all);
        return all;
    }

    /** Runs one check only over the given paragraphs. */
    public static List<Annotation> run(Check check, String... paragraphs) {
        return run(only(check), paragraphs);
    }

    /** Runs what {@code requirement} asks for over the given paragraphs with a fresh default analyser. */
    public static List<Annotation> run(Requirement requirement, String... paragraphs) {
        return runAll(new DefaultAnalyser(), text(paragraphs), requirement);
    }

    /** A requirement asking for exactly these checks, as a parsed request naming them would. */
    public static Requirement only(Check... checks) {
        return new Requirement("test", Set.of(checks), List.of(), false);
    }

    public static List<String> quotes(List<Annotation> annotations) {
        return annotations.stream().map(Annotation::quote).toList();
    }

    /** quote == text.substring(start, end), the span lies in one block, and the fields the contract needs are set. */
    public static void assertAnchored(ExtractedText text, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            assertThat(a.id()).isNull();
            assertThat(a.end()).isGreaterThan(a.start());
            assertThat(a.quote()).isEqualTo(text.text().substring(a.start(), a.end()));
            TextBlock block = text.blockAt(a.start());
            assertThat(block).as("block of %s", a).isNotNull();
            assertThat(a.end()).as("span of %s stays in its block", a).isLessThanOrEqualTo(block.end());
            assertThat(a.paragraph()).isEqualTo(block.paragraph());
            assertThat(a.page()).isEqualTo(block.page());
            assertThat(a.severity()).isIn("info", "warning", "error");
            assertThat(a.message()).isNotBlank();
            assertThat(a.rule()).startsWith(a.category() + "/");
        }
    }
}
