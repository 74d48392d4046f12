package dev.docannotator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time a process's threads have used, by kind of thread (Linux: {@code /proc/<pid>/task/<tid>/schedstat},
 * nanoseconds on the CPU): what a burst costs the server, which the wall time on a shared machine does not say.
 * Threads that ended between two readings drop out (the JVM retires idle compiler threads).
 */
record ThreadCpu(Map<String, Long> nanosByKind) {
    static final String[] KINDS = {"request threads", "event writer", "worker channel", "JIT compiler", "GC", "other"};

    static ThreadCpu of(long pid) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, 0L);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    byKind.merge(kind(name), nanos, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(byKind);
    }

    private static String kind(String name) {
        if (name.startsWith("http-") && !name.contains("accept")) {
            return "request threads";
        }
        if (name.startsWith("task-write-beh")) {
            return "event writer";
        }
        if (name.startsWith("worker-")) {
            return "worker channel";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    /** "total X ms: request threads A, ..." of the CPU used between {@code before} and this reading. */
    String since(ThreadCpu before) {
        if (nanosByKind.isEmpty() || before.nanosByKind.isEmpty()) {
            return "not readable";
        }
        long total = 0;
        StringBuilder parts = new StringBuilder();
        for (String kind : KINDS) {
            long delta = Math.max(0, nanosByKind.getOrDefault(kind, 0L) - before.nanosByKind.getOrDefault(kind, 0L));
            total += delta;
            parts.append(parts.length() == 0 ? "" : ", ").append(kind).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f", delta / 1e6));
        }
        return String.format(Locale.ROOT, "total %.0f ms (%s)", total / 1e6, parts);
    }
}
