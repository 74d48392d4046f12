package dev.docannotator.tasks;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreBatch;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the state of running tasks in batches on one writer thread (group commit): every event, every progress
 * change, checkpoints and final annotations. An event wakes the writer at once and becomes visible to streams only
 * after the transaction holding it committed ({@link EventLog#durable}); task rows and checkpoints are latest-wins
 * per task and ride along, or go with the periodic tick. A failed batch (any {@link Throwable}, out-of-memory
 * included) is put back in front of what was queued meanwhile and retried with backoff, and {@link PersistenceHealth}
 * reports the incident: the writer never dies and never drops a batch. {@link #flush()} writes everything queued
 * so far before it returns; {@link #close()} flushes a last time.
 *
 * <p>A task's row and the event that announces its change arrive together ({@link Task#announce} through the log's
 * {@link #sink sink}) and are queued under one lock, so no batch holds the event without the row: nobody who saw
 * {@code result} (on any instance) reads the task as still running. This writer's lock is the last in the order
 * (task monitor, log lock, writer lock): nothing here calls into a task or a log while holding it.
 */
public final class WriteBehind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    /**
     * Writes one batch in one transaction, or throws and writes nothing; returns the keys of the tasks it left out
     * because another instance ended their log ({@link Store#writeBatch}).
     */
    @FunctionalInterface
    interface BatchWriter {
        Set<String> write(StoreBatch batch);
    }

    /** An event with the generation of its log when it was numbered (see {@link EventLog#endedElsewhere}). */
    private record Queued(String key, EventLog log, TaskEvent event, long generation) {
        boolean dropped() {
            return generation != log.generation();
        }
    }

    private final BatchWriter writer;
    private final PersistenceHealth health;
    private final long intervalMillis;
    private final Object flushing = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Deque<Queued> events = new ArrayDeque<>();
    private final Map<String, TaskView> tasks = new LinkedHashMap<>();
    /** Keys of {@link #tasks} whose row is still to be inserted ({@link #newTask}). */
    private final Set<String> newTasks = new HashSet<>();
    private final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    private final Map<String, List<Annotation>> annotations = new LinkedHashMap<>();
    private volatile Consumer<String> endedElsewhere = key -> { };
    private boolean eventsWaiting;
    private boolean closing;
    private final Thread thread;

    public WriteBehind(Store store, PersistenceHealth health, long intervalMillis) {
        this(store::writeBatch, health, intervalMillis);
    }

    WriteBehind(BatchWriter writer, PersistenceHealth health, long intervalMillis) {
        this.writer = writer;
        this.health = health;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "task-write-behind");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Who takes the stored log and row of a task whose log another instance ended (a cancel it accepted appended
     * {@code cancelled}): this writer left out what it held of that task, which no client saw. Called on the writer's
     * flush, before it returns.
     */
    public void onEndedElsewhere(Consumer<String> taker) {
        endedElsewhere = taker;
    }

    /** The sink of the event log of the task stored under {@code key}. */
    public EventLog.Sink sink(String key) {
        return (log, event, row) -> queue(key, log, event, row);
    }

    /** Queues the row (when given) and the event (when given; it wakes the writer) in one step. */
    private void queue(String key, EventLog log, TaskEvent event, TaskView row) {
        lock.lock();
        try {
            if (row != null) {
                tasks.put(key, row);
            }
            if (event != null) {
                events.addLast(new Queued(key, log, event, log.generation())); // the log's lock is held: no wait
                eventsWaiting = true;
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues the task's current state when no event announces it (an event goes through {@link Task#announce}).
     * Under the task's monitor, so that a row read before a concurrent announcement cannot be queued after it.
     */
    public void task(Task task) {
        synchronized (task) {
            task(task.key(), task.view());
        }
    }

    /**
     * Queues the row of a task that is not stored yet: it is inserted in the same transaction as the events queued
     * with or after it (its {@code task} event), instead of a commit of its own on the request's path (BENCHMARKS.md,
     * "Time to first event: the task row with its first event"). The events and rows queued for it later ride on it.
     */
    public void newTask(String key, TaskView view) {
        lock.lock();
        try {
            tasks.put(key, view);
            newTasks.add(key);
        } finally {
            lock.unlock();
        }
    }

    public void task(String key, TaskView view) {
        lock.lock();
        try {
            tasks.put(key, view);
        } finally {
            lock.unlock();
        }
    }

    public void checkpoint(String taskId, Checkpoint checkpoint) {
        lock.lock();
        try {
            checkpoints.put(taskId, checkpoint);
        } finally {
            lock.unlock();
        }
    }

    public void annotations(String taskId, List<Annotation> all) {
        List<Annotation> copy = List.copyOf(all);
        lock.lock();
        try {
            annotations.put(taskId, copy);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the last attempt to write worked (false during an incident). */
    public PersistenceHealth health() {
        return health;
    }

    /**
     * Writes everything queued so far; returns when it is committed and its events are visible. Throws what the
     * write threw (the batch is then queued again).
     */
    public void flush() {
        // One flush at a time, so that a later batch never overtakes an earlier one for the same task.
        synchronized (flushing) {
            List<Queued> batch;
            Map<String, TaskView> taskBatch;
            Set<String> newTaskBatch;
            Map<String, Checkpoint> checkpointBatch;
            Map<String, List<Annotation>> annotationBatch;
            lock.lock();
            try {
                batch = new ArrayList<>(events);
                events.clear();
                eventsWaiting = false;
                taskBatch = new LinkedHashMap<>(tasks);
                newTaskBatch = Set.copyOf(newTasks);
                newTasks.clear();
                checkpointBatch = new LinkedHashMap<>(checkpoints);
                annotationBatch = new LinkedHashMap<>(annotations);
                tasks.clear();
                checkpoints.clear();
                annotations.clear();
            } finally {
                lock.unlock();
            }
            // Numbered before another instance ended their log (outside this writer's lock: a log's lock comes first).
            batch.removeIf(Queued::dropped);
            if (batch.isEmpty() && taskBatch.isEmpty() && checkpointBatch.isEmpty() && annotationBatch.isEmpty()) {
                return;
            }
            Set<String> ended;
            try {
                List<StoreBatch.PendingEvent> pending = new ArrayList<>(batch.size());
                for (Queued queued : batch) {
                    pending.add(new StoreBatch.PendingEvent(queued.key(), queued.event()));
                }
                ended = writer.write(new StoreBatch(pending, taskBatch, checkpointBatch, annotationBatch, newTaskBatch));
            } catch (Throwable e) {
                // Out-of-memory and every other error too: the batch must never be lost on the way.
                requeue(batch, taskBatch, newTaskBatch, checkpointBatch, annotationBatch);
                health.failed(e);
                throw e;
            }
            health.succeeded();
            // In queue order, which is seq order per task: each log learns its committed prefix.
            for (Queued queued : batch) {
                if (!ended.contains(queued.key())) {
                    queued.log().durable(queued.event().seq());
                }
            }
            for (String key : ended) {
                try {
                    endedElsewhere.accept(key);
                } catch (RuntimeException e) {
                    LOG.warn("Task {}: cannot take the log another instance ended ({})", key, e.toString());
                }
            }
        }
    }

    /** Puts a failed batch back in front of what was queued meanwhile; newer task state queued meanwhile wins. */
    private void requeue(List<Queued> batch, Map<String, TaskView> taskBatch, Set<String> newTaskBatch,
                         Map<String, Checkpoint> checkpointBatch, Map<String, List<Annotation>> annotationBatch) {
        lock.lock();
        try {
            for (int i = batch.size() - 1; i >= 0; i--) {
                events.addFirst(batch.get(i));
            }
            taskBatch.forEach(tasks::putIfAbsent);
            newTasks.addAll(newTaskBatch); // still not inserted: whatever row is queued for them now is inserted
            checkpointBatch.forEach(checkpoints::putIfAbsent);
            annotationBatch.forEach(annotations::putIfAbsent);
        } finally {
            lock.unlock();
        }
    }

    /** The writer thread: commits as soon as events wait, else every interval; after a failure, backs off. */
    private void loop() {
        long backoff = 0;
        while (true) {
            try {
                if (!awaitWork(backoff)) {
                    return;
                }
                flush();
                backoff = 0;
            } catch (Throwable e) {
                // Logged by PersistenceHealth once per incident; keep going whatever it was.
                backoff = backoff == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                LOG.trace("Write failed; next attempt in {} ms", backoff, e);
            }
        }
    }

    /**
     * Waits until events are queued (unless backing off) or the interval (or backoff) passed; false once closing.
     */
    private boolean awaitWork(long backoffMillis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(backoffMillis > 0 ? backoffMillis : intervalMillis);
            while (!closing && remaining > 0 && (backoffMillis > 0 || !eventsWaiting)) {
                remaining = wake.awaitNanos(remaining);
            }
            return !closing;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the writer thread and writes what is left (throws when that last write fails). */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
