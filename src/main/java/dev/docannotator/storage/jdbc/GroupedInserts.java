package dev.docannotator.storage.jdbc;

import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Inserts that threads make at the same moment share one transaction (a group commit): the first caller writes
 * everything queued so far while the others wait for it, and whoever finds work queued after that writes the next
 * batch. Each caller still returns only once its own row is committed, and gets its own failure. Why: every stream
 * request inserts its task's row before the task is admitted, and with 100 streams opened at once they queued for
 * the one write connection one transaction at a time (and the event writer's group commits queued behind them),
 * which was most of the server's time to first event (BENCHMARKS.md, "Time to first event in process mode").
 * A shared transaction that fails (one row's key is taken) is rolled back and replayed one row per transaction.
 */
final class GroupedInserts<T> {
    /** Inserts one row on the transaction's connection. */
    @FunctionalInterface
    interface RowWriter<T> {
        void insert(Connection c, T row) throws SQLException;
    }

    private static final class Pending<T> {
        final T row;
        boolean done;
        RuntimeException failure;

        Pending(T row) {
            this.row = row;
        }
    }

    private final SqlAccess sql;
    private final RowWriter<T> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final List<Pending<T>> queued = new ArrayList<>();
    private boolean writing;

    GroupedInserts(SqlAccess sql, RowWriter<T> writer) {
        this.sql = sql;
        this.writer = writer;
    }

    /** Inserts {@code row}; returns once it is committed, or throws what inserting it alone would have thrown. */
    void insert(T row) {
        Pending<T> mine = new Pending<>(row);
        List<Pending<T>> batch;
        lock.lock();
        try {
            queued.add(mine);
            while (writing && !mine.done) {
                written.awaitUninterruptibly();
            }
            if (mine.done) {
                throwIfFailed(mine);
                return;
            }
            writing = true;
            batch = new ArrayList<>(queued);
            queued.clear();
        } finally {
            lock.unlock();
        }
        Throwable escaped = null;
        try {
            write(batch);
        } catch (RuntimeException | Error e) {
            escaped = e;
            throw e;
        } finally {
            lock.lock();
            try {
                for (Pending<T> pending : batch) {
                    if (!pending.done) {
                        pending.failure = new StorageException("The task could not be stored", escaped);
                        pending.done = true;
                    }
                }
                writing = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
        throwIfFailed(mine);
    }

    /** Marks each row of the batch done (under the lock, where the waiting callers read it). */
    private void write(List<Pending<T>> batch) {
        if (batch.size() > 1) {
            try {
                sql.inTransaction(c -> {
                    for (Pending<T> pending : batch) {
                        writer.insert(c, pending.row);
                    }
                    return null;
                });
                finish(batch, null);
                return;
            } catch (RuntimeException shared) {
                // One of them failed (a taken key, most likely): each on its own, to know which.
            }
        }
        for (Pending<T> pending : batch) {
            RuntimeException failure = null;
            try {
                sql.inTransaction(c -> {
                    writer.insert(c, pending.row);
                    return null;
                });
            } catch (RuntimeException e) {
                failure = e;
            }
            finish(List.of(pending), failure);
        }
    }

    private void finish(List<Pending<T>> rows, RuntimeException failure) {
        lock.lock();
        try {
            for (Pending<T> pending : rows) {
                pending.failure = failure;
                pending.done = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void throwIfFailed(Pending<?> pending) {
        if (pending.failure != null) {
            throw pending.failure;
        }
    }
}
