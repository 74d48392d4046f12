package dev.docannotator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.checks.Findings;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A quick measurement of the default checks on about a hundred pages (3000 paragraphs, English and Chinese). */
@Tag("timing")
class AnalyserPerformanceTest {
    private static final String[] ENGLISH = {
        "The upload service accepts documents of up to 25 MB and stores them for thirty days.",
        "Each report was reviewed by the quality team, and approximately 5 issues were found per page.",
        "A Service Level Agreement (SLA) defines the response time; the SLA is reviewed every quarter.",
        "Users can send an email to support, and the support team answers within one working day.",
        "The the configuration file contains various settings that are loaded when the server starts.",
    };
    private static final String[] CHINESE = {
        "系统在收到文件后会自动进行格式检查，并在三天内完成全部的审核工作。",
        "文件被系统删除后无法恢复，用户需要在删除前下载备份。",
        "上传文件大小上限为25MB，超过上限的文件将被拒绝。",
    };

    private static ExtractedText hundredPages() {
        TextBuilder builder = new TextBuilder();
        for (int i = 0; i < 3000; i++) {
            String paragraph = i % 4 == 3 ? CHINESE[i % CHINESE.length] : ENGLISH[i % ENGLISH.length];
            builder.append(paragraph + (i == 2500 ? " TODO: the upload limit is 30 MB." : ""), 1 + i / 30, i + 1);
        }
        return builder.build();
    }

    @Test
    void defaultChecksOnAHundredPagesTakeAboutASecond() {
        ExtractedText text = hundredPages();
        DefaultAnalyser analyser = new DefaultAnalyser();
        Requirement defaults = analyser.parse("");
        AnalysisFixture.runAll(analyser, text, defaults); // warm-up

        long t0 = System.nanoTime();
        long slowestStep = 0;
        int count = 0;
        try (AnalysisSession session = analyser.start(text, defaults)) {
            for (int i = 0; i < session.stepCount(); i++) {
                long s0 = System.nanoTime();
                List<Annotation> step = session.analyseStep(i);
                slowestStep = Math.max(slowestStep, System.nanoTime() - s0);
                count += step.size();
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("Default checks: %d paragraphs, %d chars, %d annotations in %d ms; slowest step %.1f ms%n",
                text.blocks().size(), text.text().length(), count, total.toMillis(), slowestStep / 1e6);

        // Style checks are ranked and capped per document now, so a hundred pages give hundreds, not thousands.
        assertThat(count).isGreaterThan(300);
        // Generous bound for a shared 2-core machine; typical runs are far below it.
        assertThat(total).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void hostileBlocksTakeLinearTime() {
        String hostile = "The limit" + " ".repeat(200_000) + "is 5 MB. " + "a".repeat(200_000) + " " + "\t".repeat(100_000)
                + ": " + "the ".repeat(20_000) + "被".repeat(50_000);
        TextBuilder builder = new TextBuilder();
        builder.append(hostile, null, 1);
        DefaultAnalyser analyser = new DefaultAnalyser();

        ExtractedText text = builder.build();
        long t0 = System.nanoTime();
        List<Annotation> found = new ArrayList<>();
        long slowest = 0;
        try (AnalysisSession session = analyser.start(text, analyser.parse(""))) {
            for (int i = 0; i < session.stepCount(); i++) {
                long s0 = System.nanoTime();
                List<Annotation> step = session.analyseStep(i);
                slowest = Math.max(slowest, System.nanoTime() - s0);
                assertThat(step.stream().collect(Collectors.groupingBy(Annotation::category, Collectors.counting()))
                        .values()).allMatch(n -> n <= Findings.MAX_PER_CATEGORY);
                found.addAll(step);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        AnalysisFixture.assertAnchored(text, found);
        System.out.printf("Hostile %d-char block: %d annotations in %d ms; slowest step %.1f ms%n", hostile.length(),
                found.size(), took.toMillis(), slowest / 1e6);

        assertThat(found).isNotEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }
}
