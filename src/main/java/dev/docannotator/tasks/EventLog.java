package dev.docannotator.tasks;

import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ordered events of one task over its whole life. It assigns the sequence numbers and hands every accepted
 * event to a sink that persists it; readers see an event only once the sink said it is committed
 * ({@link #durable(long)}), so a client never receives an event a crash could lose or a restart could renumber.
 * A terminal event closes the log: later events are dropped until a resume reopens it, so nothing reaches a client
 * after it was told the task ended.
 */
public final class EventLog {
    /**
     * Persists an accepted event and later calls {@link EventLog#durable(long)} once it is committed. {@code row} is
     * the task's state the event announces (null: it announces none), queued in the same step as the event so that
     * it is committed with the event or before it; {@code event} is null when the closed log dropped the event but
     * the row must still be written (see {@link Task#announce}).
     */
    @FunctionalInterface
    public interface Sink {
        void persist(EventLog log, TaskEvent event, TaskView row);
    }

    /** What a reader gets: the events after its cursor and whether the log was closed at that moment. */
    public record Batch(List<TaskEvent> events, boolean closed) {
    }

    private final String taskId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<TaskEvent> events;
    private final Sink sink;
    private boolean closed;
    /** The highest seq known to be committed; readers see events up to it. */
    private long durable;
    /** Moves when another instance ended this log and the events numbered here after {@link #durable} were dropped. */
    private long generation;

    /** A log continuing {@code history} (seq 1..n, in order, already stored), open or closed. */
    public EventLog(String taskId, List<TaskEvent> history, boolean closed, Sink sink) {
        this.taskId = taskId;
        this.events = new ArrayList<>(history);
        this.closed = closed;
        this.sink = sink;
        this.durable = history.size();
    }

    public String taskId() {
        return taskId;
    }

    /**
     * Appends an event that changes no task state (a finding, a place in the line); returns it numbered, or null when
     * the log is closed (the event is dropped). A change of state goes through {@link Task#announce} instead.
     */
    public TaskEvent append(StreamEvent streamEvent) {
        return append(streamEvent, null);
    }

    /**
     * Appends an event with the task's row it announces ({@link Task#announce}); the sink queues the two in one step,
     * and the row even when the closed log drops the event. A terminal event closes the log.
     */
    TaskEvent append(StreamEvent streamEvent, TaskView row) {
        lock.lock();
        try {
            if (closed) {
                if (row != null) {
                    sink.persist(this, null, row);
                }
                return null;
            }
            TaskEvent event = new TaskEvent(events.size() + 1L, streamEvent.type(), StreamEvent.dataLine(taskId, streamEvent));
            events.add(event);
            if (event.terminal()) {
                closed = true;
            }
            sink.persist(this, event, row);
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** The sink committed every event up to {@code seq}: readers may now see them. */
    public void durable(long seq) {
        lock.lock();
        try {
            if (seq > durable) {
                durable = Math.min(seq, events.size());
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Several instances: takes in the events another instance committed after this copy's last one (seq order,
     * continuing it), so that this instance's streams follow a task run elsewhere. The log is closed exactly when
     * its last event is terminal (a resume's {@code task} event opens it again). Events already held are skipped.
     */
    public void absorb(List<TaskEvent> committed) {
        lock.lock();
        try {
            boolean added = false;
            for (TaskEvent event : committed) {
                if (event.seq() == events.size() + 1L) {
                    events.add(event);
                    added = true;
                }
            }
            if (added) {
                durable = events.size();
                closed = events.get(events.size() - 1).terminal();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Several instances: another instance ended this log while this one ran the task (a cancel it accepted appended
     * {@code cancelled} after the last event committed here). Drops the events after the committed prefix, which no
     * reader saw and which were never stored, and takes in {@code stored}, the events stored after that prefix.
     */
    public void endedElsewhere(List<TaskEvent> stored) {
        lock.lock();
        try {
            if (events.size() > durable) {
                generation++; // what is still queued of the dropped events must not be written
            }
            events.subList((int) durable, events.size()).clear();
            for (TaskEvent event : stored) {
                if (event.seq() == events.size() + 1L) {
                    events.add(event);
                }
            }
            durable = events.size();
            closed = !events.isEmpty() && events.get(events.size() - 1).terminal();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Several instances: {@link #endedElsewhere} with the terminal event a cancel appended in the table (on any
     * instance), taken from its wake-up instead of the table. It went after the last stored event, and only the
     * instance running the task stores its events, all numbered here first: so the events numbered here before it
     * are committed, even those whose commit this log has not been told of yet (a group commit that took the task's
     * row lock just before the cancel did). Those stay, the ones after them go. False, changing nothing, when this
     * log holds fewer events than went before it, or it is not terminal: the group commit finds the end and reads it.
     */
    public boolean endedElsewhereBy(TaskEvent ending) {
        lock.lock();
        try {
            if (!ending.terminal() || ending.seq() <= durable || ending.seq() > events.size() + 1L) {
                return false;
            }
            durable = ending.seq() - 1;
            endedElsewhere(List.of(ending));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** How many times events numbered here were dropped (see {@link #endedElsewhere}); the sink keeps it per event. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** The highest seq known to be committed. */
    public long durableSeq() {
        lock.lock();
        try {
            return durable;
        } finally {
            lock.unlock();
        }
    }

    /** Several instances: ends this copy's readers without an event (this instance stops; the task goes on elsewhere). */
    public void closeCopy() {
        lock.lock();
        try {
            closed = true;
            durable = events.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Opens a closed log again for a resumed run; the sequence continues. */
    public void reopen() {
        lock.lock();
        try {
            closed = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    public long lastSeq() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** Events with seq greater than {@code after}, without waiting. */
    public Batch after(long after) {
        lock.lock();
        try {
            return snapshot(after);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for events after {@code after} (or for the log to be closed)
     * and returns them; an empty open batch means the wait timed out.
     */
    public Batch await(long after, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (durable <= after && !visiblyClosed() && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return snapshot(after);
        } finally {
            lock.unlock();
        }
    }

    private Batch snapshot(long after) {
        int to = (int) durable;
        int from = (int) Math.max(0, Math.min(after, to));
        return new Batch(List.copyOf(events.subList(from, to)), visiblyClosed());
    }

    /** Closed, and the terminal event that closed it is committed (readers would otherwise end without seeing it). */
    private boolean visiblyClosed() {
        return closed && durable == events.size();
    }

    /** How many annotation events were delivered to the log (each annotation is sent once over the task's life). */
    public int annotationEvents() {
        lock.lock();
        try {
            int count = 0;
            for (TaskEvent event : events) {
                if (TaskEvent.ANNOTATION.equals(event.type())) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }
}
