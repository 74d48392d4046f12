package dev.docannotator.tasks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures whether what a cancelled task held was really released. When a cancelled worker stops, the objects
 * that own the task's memory (its pipeline run: open document, analysis state, text, annotations) are tracked by
 * weak reference together with an estimate of their size. After the JVM has run at least one garbage collection
 * since, an object whose reference was cleared is released; one still reachable after {@code timeoutNanos} is
 * leaked. The ratio reported is released estimated bytes / tracked estimated bytes of that task. No GC is forced.
 */
final class HeapReleaseProbe {
    private record Watch(boolean pausable, List<WeakReference<Object>> refs, long[] bytes, long gcCountAtStart,
                         long startNanos) {
    }

    private final List<Watch> watches = new ArrayList<>();
    private final TaskMetrics metrics;
    private final long timeoutNanos;

    HeapReleaseProbe(TaskMetrics metrics, long timeoutNanos) {
        this.metrics = metrics;
        this.timeoutNanos = timeoutNanos;
    }

    /** Tracks {@code objects} (each with its estimated size in bytes) released by a stopped, cancelled task. */
    synchronized void watch(boolean pausable, List<Object> objects, long[] estimatedBytes) {
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (Object o : objects) {
            refs.add(new WeakReference<>(o));
        }
        watches.add(new Watch(pausable, refs, estimatedBytes.clone(), gcCount(), System.nanoTime()));
    }

    /** Reports every watch that can be judged now; called periodically. */
    synchronized void check() {
        long gcs = gcCount();
        long now = System.nanoTime();
        watches.removeIf(w -> {
            boolean allCleared = w.refs().stream().allMatch(r -> r.get() == null);
            boolean timedOut = now - w.startNanos() > timeoutNanos && gcs > w.gcCountAtStart();
            if (!allCleared && !timedOut) {
                return false;
            }
            long total = 0;
            long released = 0;
            for (int i = 0; i < w.refs().size(); i++) {
                total += w.bytes()[i];
                if (w.refs().get(i).get() == null) {
                    released += w.bytes()[i];
                }
            }
            metrics.heapReleased(w.pausable(), total == 0 ? 1.0 : (double) released / total);
            return true;
        });
    }

    synchronized int pending() {
        return watches.size();
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
