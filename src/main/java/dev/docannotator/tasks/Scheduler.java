package dev.docannotator.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Admission and the worker pool: at most {@code workers} tasks run, at most {@code capacity} wait in FIFO order,
 * and one identity has at most {@code perUserLimit} unfinished tasks. Every change to the waiting line tells
 * the waiting tasks their new position.
 */
final class Scheduler {
    /** Why a task was not admitted. */
    enum Refusal { SHUTTING_DOWN, QUEUE_FULL, USER_LIMIT }

    /** Thrown when a task is not admitted. */
    static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    /** Called under the scheduler's lock when a task is admitted, before its worker can emit anything. */
    interface Announcer {
        void admitted(Task task, boolean running, int position);
    }

    /** Tells a waiting task its (1-based) position. */
    interface PositionReporter {
        void position(Task task, int position);
    }

    private final int workers;
    private final int capacity;
    private final int perUserLimit;
    private final Consumer<Task> runner;
    private final PositionReporter positions;
    private final ExecutorService pool;
    private final Set<Task> running = new LinkedHashSet<>();
    private final Deque<Task> waiting = new ArrayDeque<>();
    private boolean accepting = true;

    Scheduler(int workers, int capacity, int perUserLimit, Consumer<Task> runner, PositionReporter positions) {
        this.workers = workers;
        this.capacity = capacity;
        this.perUserLimit = perUserLimit;
        this.runner = runner;
        this.positions = positions;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "task-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Admits {@code task} to run now or to wait, or throws {@link RefusedException}. */
    synchronized void admit(Task task, Announcer announcer) {
        if (!accepting) {
            throw new RefusedException(Refusal.SHUTTING_DOWN);
        }
        if (unfinishedOf(task.userId()) >= perUserLimit) {
            throw new RefusedException(Refusal.USER_LIMIT);
        }
        if (running.size() < workers) {
            announcer.admitted(task, true, 0);
            dispatch(task);
        } else if (waiting.size() < capacity) {
            waiting.addLast(task);
            announcer.admitted(task, false, waiting.size());
        } else {
            throw new RefusedException(Refusal.QUEUE_FULL);
        }
    }

    /** Takes a waiting task out of the line; false when it was not waiting. */
    synchronized boolean removeWaiting(Task task) {
        boolean removed = waiting.remove(task);
        if (removed) {
            reportPositions();
        }
        return removed;
    }

    synchronized int queueDepth() {
        return waiting.size();
    }

    synchronized int runningCount() {
        return running.size();
    }

    /** Refuses new tasks and returns the waiting ones, taken out of the line. */
    synchronized List<Task> stopAdmitting() {
        accepting = false;
        List<Task> drained = new ArrayList<>(waiting);
        waiting.clear();
        return drained;
    }

    synchronized boolean accepting() {
        return accepting;
    }

    /** Waits for the pool's threads to end after the running tasks were told to stop. */
    boolean awaitWorkers(long millis) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    void shutdownNow() {
        pool.shutdownNow();
    }

    private int unfinishedOf(String userId) {
        int count = 0;
        for (Task t : running) {
            if (t.userId().equals(userId)) {
                count++;
            }
        }
        for (Task t : waiting) {
            if (t.userId().equals(userId)) {
                count++;
            }
        }
        return count;
    }

    private void dispatch(Task task) {
        running.add(task);
        CompletableFuture<Void> done = new CompletableFuture<>();
        task.workerStarted(done);
        pool.execute(() -> {
            try {
                runner.accept(task);
            } finally {
                finished(task);
                done.complete(null);
            }
        });
    }

    private synchronized void finished(Task task) {
        running.remove(task);
        if (accepting && !waiting.isEmpty()) {
            dispatch(waiting.pollFirst());
            reportPositions();
        }
    }

    private void reportPositions() {
        int position = 1;
        for (Task t : waiting) {
            positions.position(t, position++);
        }
    }
}
