package dev.docannotator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the slowest single step on a document that is one line (one block), with and without LanguageTool: a step
 * is the unit between two cancel checks, so it bounds the cancel latency. The grammar document is 40 KB by default
 * (LanguageTool takes minutes over 320 KB); {@code -DhugeBlock.grammarChars=320000} measures the full size.
 */
@Tag("timing")
class HugeBlockStepTimeTest {
    private static final int GRAMMAR_CHARS = Integer.getInteger("hugeBlock.grammarChars", 40_000);

    private static final String[] SENTENCES = {
        "The upload service accepts documents of up to 25 MB and stores them for thirty days.",
        "Each report was reviewed by the quality team, and approximately 5 issues were found per page.",
        "A Service Level Agreement (SLA) defines the response time; the SLA is reviewed every quarter.",
        "Users can send an email to support, and the support team answers within one working day.",
        "The the configuration file contains various settings that are loaded when the server starts.",
        "She go to school every day, and I ate a apple yesterday.",
    };

    static ExtractedText oneLine(int chars) {
        StringBuilder line = new StringBuilder(chars + 200);
        for (int i = 0; line.length() < chars; i++) {
            line.append(SENTENCES[i % SENTENCES.length]).append(' ');
        }
        TextBuilder builder = new TextBuilder();
        builder.append(line.toString().strip(), null, 1);
        return builder.build();
    }

    @Test
    void slowestStepOnAOneLineDocumentIsShort() {
        ExtractedText text = oneLine(320_000);
        DefaultAnalyser analyser = new DefaultAnalyser();
        slowestStep(analyser, text, analyser.parse(""), "default checks (warm-up)");
        Duration off = slowestStep(analyser, text, analyser.parse(""), "default checks");
        assertThat(off).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void slowestGrammarStepOnAOneLineDocumentIsShort() {
        ExtractedText text = oneLine(GRAMMAR_CHARS);
        DefaultAnalyser analyser = new DefaultAnalyser();
        analyser.warmUpGrammar();
        Duration on = slowestStep(analyser, text,
                new Requirement("grammar", Set.of(Check.GRAMMAR), List.of(), false), "grammar");
        assertThat(on).isLessThan(Duration.ofSeconds(10)); // about 1–2 s on a busy 2-core machine
    }

    private static Duration slowestStep(Analyser analyser, ExtractedText text, Requirement requirement, String what) {
        long slowest = 0;
        long t0 = System.nanoTime();
        int steps;
        int found = 0;
        try (AnalysisSession session = analyser.start(text, requirement)) {
            steps = session.stepCount();
            for (int i = 0; i < steps; i++) {
                long s0 = System.nanoTime();
                found += session.analyseStep(i).size();
                slowest = Math.max(slowest, System.nanoTime() - s0);
            }
        }
        System.out.printf("%s on a %d-char one-line document: %d steps, %d annotations, total %d ms, slowest step %.1f ms%n",
                what, text.text().length(), steps, found, (System.nanoTime() - t0) / 1_000_000, slowest / 1e6);
        return Duration.ofNanos(slowest);
    }
}
