package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.pipeline.Checkpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches the write volume of running tasks (every event, every progress change, periodic checkpoints) into one
 * transaction every {@code intervalMillis}. Task rows and checkpoints are latest-wins per task. {@link #flush()}
 * writes everything queued so far before it returns; {@link #close()} flushes a last time, so nothing
 * acknowledged is lost on a graceful stop.
 */
public final class WriteBehind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    private final TaskRepository repository;
    private final ConcurrentLinkedQueue<TaskRepository.PendingEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<String, TaskView> tasks = new LinkedHashMap<>();
    private final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    private final Map<String, List<Annotation>> annotations = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;

    public WriteBehind(TaskRepository repository, long intervalMillis) {
        this.repository = repository;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "task-write-behind");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flushQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public void event(String taskId, TaskEvent event) {
        events.add(new TaskRepository.PendingEvent(taskId, event));
    }

    public synchronized void task(TaskView task) {
        tasks.put(task.taskId(), task);
    }

    public synchronized void checkpoint(String taskId, Checkpoint checkpoint) {
        checkpoints.put(taskId, checkpoint);
    }

    public synchronized void annotations(String taskId, List<Annotation> all) {
        annotations.put(taskId, List.copyOf(all));
    }

    /** Writes everything queued so far; returns when it is in the database. */
    public void flush() {
        // One flush at a time, so that a later flush never overtakes an earlier one for the same task.
        synchronized (repository) {
            List<TaskRepository.PendingEvent> batch = new ArrayList<>();
            TaskRepository.PendingEvent next;
            while ((next = events.poll()) != null) {
                batch.add(next);
            }
            List<TaskView> taskBatch;
            Map<String, Checkpoint> checkpointBatch;
            Map<String, List<Annotation>> annotationBatch;
            synchronized (this) {
                taskBatch = new ArrayList<>(tasks.values());
                checkpointBatch = new LinkedHashMap<>(checkpoints);
                annotationBatch = new LinkedHashMap<>(annotations);
                tasks.clear();
                checkpoints.clear();
                annotations.clear();
            }
            if (batch.isEmpty() && taskBatch.isEmpty() && checkpointBatch.isEmpty() && annotationBatch.isEmpty()) {
                return;
            }
            repository.writeBatch(batch, taskBatch, checkpointBatch, annotationBatch);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Writing task state to the database failed; retrying on the next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
