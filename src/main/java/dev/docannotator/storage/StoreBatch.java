package dev.docannotator.storage;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.pipeline.Checkpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group commit of the tasks' changes, keyed by task key: new events (in seq order per task), task rows
 * (latest state), checkpoints (replacing) and final annotations (replacing). The rows of {@code newTasks} (keys of
 * {@code tasks}) are inserted, before anything else of the batch; every other row is updated. Changes of a task
 * whose row no longer exists (removed by retention) are dropped.
 */
public record StoreBatch(List<PendingEvent> events, Map<String, TaskView> tasks, Map<String, Checkpoint> checkpoints,
                         Map<String, List<Annotation>> annotations, Set<String> newTasks) {

    /** One event of the task stored under {@code key}. */
    public record PendingEvent(String key, TaskEvent event) {
    }

    public StoreBatch {
        events = List.copyOf(events);
        tasks = Map.copyOf(tasks);
        checkpoints = Map.copyOf(checkpoints);
        annotations = Map.copyOf(annotations);
        newTasks = Set.copyOf(newTasks);
        if (!tasks.keySet().containsAll(newTasks)) {
            throw new IllegalArgumentException("A new task's row is missing from the batch");
        }
    }

    /** A batch that inserts no row. */
    public StoreBatch(List<PendingEvent> events, Map<String, TaskView> tasks, Map<String, Checkpoint> checkpoints,
                      Map<String, List<Annotation>> annotations) {
        this(events, tasks, checkpoints, annotations, Set.of());
    }

    public static StoreBatch ofEvents(List<PendingEvent> events) {
        return new StoreBatch(events, Map.of(), Map.of(), Map.of());
    }

    /**
     * This batch without the events, rows and final annotations of the tasks under {@code keys} (their checkpoints
     * stay: a checkpoint is where a resume starts, whoever ended the log).
     */
    public StoreBatch without(Set<String> keys) {
        if (keys.isEmpty()) {
            return this;
        }
        Map<String, TaskView> keptTasks = new java.util.LinkedHashMap<>(tasks);
        Map<String, List<Annotation>> keptAnnotations = new java.util.LinkedHashMap<>(annotations);
        keptTasks.keySet().removeAll(keys);
        keptAnnotations.keySet().removeAll(keys);
        Set<String> keptNew = new java.util.HashSet<>(newTasks);
        keptNew.removeAll(keys);
        return new StoreBatch(events.stream().filter(e -> !keys.contains(e.key())).toList(), keptTasks, checkpoints,
                keptAnnotations, keptNew);
    }

    public boolean isEmpty() {
        return events.isEmpty() && tasks.isEmpty() && checkpoints.isEmpty() && annotations.isEmpty();
    }
}
