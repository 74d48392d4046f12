package dev.docannotator.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.testsupport.FakeOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figures in BENCHMARKS.md: how often a miscopied quote is anchored on exactly the text it was taken from, how
 * often an invented one is wrongly placed, and what one window costs on top of the model (against the fake server,
 * which answers at once). Printed, with loose bounds so that a regression fails.
 */
@Tag("timing")
class LlmFiguresTest {
    private static final String[] WORDS = ("the supplier shall deliver goods within days after payment invoice buyer "
            + "warranty period notice agreement party terminate written consent reasonable delay price change "
            + "contract clause obligation service level report monthly quarterly").split(" ");

    @Test
    void anchoringAccuracy() {
        Random random = new Random(42);
        QuoteAnchor anchor = new QuoteAnchor();
        int trials = 2_000;
        int right = 0;
        int wrong = 0;
        int inventedPlaced = 0;
        for (int t = 0; t < trials; t++) {
            String text = sentence(random, 120);
            int start = random.nextInt(text.length() - 80);
            while (start > 0 && text.charAt(start - 1) != ' ') {
                start--;
            }
            int end = Math.min(text.length(), start + 30 + random.nextInt(40));
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            String original = text.substring(start, end);
            String copied = miscopy(original, random);
            var match = anchor.anchor(text, 0, text.length(), copied);
            if (match.isPresent()) {
                int overlap = Math.min(end, match.get().end()) - Math.max(start, match.get().start());
                if (overlap >= 0.9 * original.length() && Math.abs(match.get().end() - match.get().start() - original.length()) <= 3) {
                    right++;
                } else {
                    wrong++;
                }
            }
            if (anchor.anchor(text, 0, text.length(), sentence(random, 8)).isPresent()) {
                inventedPlaced++;
            }
        }
        System.out.printf("FIGURES anchoring: %d trials, anchored on the right text %.1f %%, on other text %.2f %%, "
                + "invented quotes placed %.2f %%%n", trials, 100.0 * right / trials, 100.0 * wrong / trials,
                100.0 * inventedPlaced / trials);
        assertThat(right).isGreaterThan(trials * 9 / 10);
        assertThat(wrong).isLessThan(trials / 100);
    }

    /** Case, spacing, curly quotes, and one or two dropped or changed letters, as models do. */
    private static String miscopy(String s, Random random) {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s);
        int edits = random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(b.length());
            if (random.nextBoolean()) {
                b.deleteCharAt(at);
            } else {
                b.setCharAt(at, 'x');
            }
        }
        return b.toString().replace(" ", random.nextInt(4) == 0 ? "  " : " ");
    }

    private static String sentence(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @Test
    void overheadPerWindow() throws Exception {
        List<String> paragraphs = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            paragraphs.add(sentence(random, 60));
        }
        ExtractedText doc = WindowsTest.paragraphs(paragraphs);
        List<Map<String, String>> findings = new ArrayList<>();
        for (int i = 0; i < 200; i += 10) {
            findings.add(Map.of("quote", paragraphs.get(i).substring(0, 40)));
        }
        try (FakeOpenAiServer fake = new FakeOpenAiServer()) {
            fake.findQuotesInWindow(findings, 64, 0);
            LlmAnalyser analyser = new LlmAnalyser(LlmSettings.of(fake.baseUrl(), "fake", null), LlmMetrics.unregistered());
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and the connection pool
                LlmSession session = analyser.start(doc, "find problems", Locale.ENGLISH);
                long start = System.nanoTime();
                int found = 0;
                for (int w = 0; w < session.stepCount(); w++) {
                    found += session.analyseStep(w).size();
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (round == 1) {
                    System.out.printf("FIGURES overhead: %d windows of <= %d chars, %d findings, %.1f ms per window "
                            + "(request, streamed answer, parsing, anchoring; the fake answers at once)%n",
                            session.stepCount(), LlmSettings.DEFAULT_WINDOW_CHARS, found,
                            took.toNanos() / 1e6 / session.stepCount());
                    // A finding in a block two windows share comes twice here; the pipeline merges it.
                    assertThat(found).isGreaterThanOrEqualTo(findings.size());
                    assertThat(took.dividedBy(session.stepCount())).isLessThan(Duration.ofMillis(500));
                }
            }
        }
    }
}
