package dev.docannotator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks named on the command line ("throughput", "load", "idle", "quality", "cluster" or "all"; quality and cluster only when named) and writes their
 * Markdown tables to target/benchmarks/results.md. Started by {@code mvn -Pbenchmark verify}; see BENCHMARKS.md.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> which = Set.copyOf(Arrays.asList(args.length == 0 ? new String[] {"all"} : args[0].split(",")));
        boolean all = which.contains("all");
        Path outDir = Path.of("target", "benchmarks");
        Files.createDirectories(outDir);
        Path work = Files.createTempDirectory("docannotator-bench");
        StringBuilder report = new StringBuilder("# Benchmark results\n\nRun at " + Instant.now() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "; server processes on " + ServerProcess.javaHome() + "\n\n");
        try {
            if (all || which.contains("throughput")) {
                List<ThroughputBenchmark.Row> rows = new ThroughputBenchmark().run(work, new int[] {10, 100, 500});
                report.append("## Document throughput (medians of 5 runs; read and Tika: 9 alternating pairs, ratio = median of the per-pair ratios)\n\n").append(ThroughputBenchmark.table(rows)).append('\n');
            }
            if (which.contains("quality")) {
                report.append("## Findings quality\n\n").append(new QualityBenchmark().run(work)).append('\n');
            }
            if (which.contains("cluster")) {
                report.append(ClusterBenchmark.run(work)).append('\n');
            }
            for (String extra : List.of("load", "idle")) {
                if (all || which.contains(extra)) {
                    report.append(ServerBenchmarks.run(extra, work)).append('\n');
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(outDir.resolve("results.md"), report);
        System.out.println(report);
        System.exit(0);
    }
}
