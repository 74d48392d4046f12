package dev.docannotator.tasks;

import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskView;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks held in memory, by key: those that can still change (with their event logs), and resting ones that were
 * used a moment ago. A resting task is loaded from the database when asked for and evicted when nobody used it for
 * a while; loading and evicting are atomic steps of the map, so one key never has two {@link Task}s.
 */
final class LiveTasks {
    private static final long EVICT_AFTER_MILLIS = 30_000;

    private final Map<String, Task> live = new ConcurrentHashMap<>();
    private final Store store;
    private final WriteBehind writer;
    private final Placement placement;

    LiveTasks(Store store, WriteBehind writer, Placement placement) {
        this.store = store;
        this.writer = writer;
        this.placement = placement;
    }

    /** A new task, admitted or about to be. */
    void put(Task task) {
        live.put(task.key(), task);
    }

    Task get(String key) {
        return live.get(key);
    }

    void remove(String key) {
        live.remove(key);
    }

    Collection<Task> all() {
        return live.values();
    }

    /** The task stored under {@code key}, loaded into memory when needed; null when there is none. */
    Task loadIfAbsent(String key) {
        return live.compute(key, (k, present) -> present != null ? present : load(k));
    }

    /** The caller's task, loaded from the database into memory when needed; 404 for unknown or another's. */
    Task owned(String userId, String taskId, Locale locale) {
        return owned(userId, taskId, locale, false);
    }

    /**
     * {@link #owned}, and with {@code pin} the task is pinned in the same atomic map step that finds or loads it,
     * so that housekeeping (which evicts in an atomic step too) cannot take it out of memory until it is unpinned.
     */
    Task owned(String userId, String taskId, Locale locale, boolean pin) {
        if (taskId == null || !TaskFiles.ID.matcher(taskId).matches()) {
            throw TaskException.notFound(Texts.of(locale, "task.not_found"));
        }
        Task task = ownedUnder(TaskKeys.of(userId, taskId), userId, pin);
        if (task == null) {
            task = ownedUnder(taskId, userId, pin); // stored before task ids were scoped
        }
        if (task == null || !task.userId().equals(userId)) {
            throw TaskException.notFound(Texts.of(locale, "task.not_found"));
        }
        return task;
    }

    /**
     * The caller's task held in memory (under its scoped key or, stored before scoping, its bare id) when this
     * instance's copy is the truth; null otherwise.
     */
    Task inMemory(String userId, String taskId) {
        Task task = live.get(TaskKeys.of(userId, taskId));
        if (task == null) {
            task = live.get(taskId);
        }
        if (task != null && !placement.runsHere(task)) {
            return null; // run elsewhere (or not at all): the tables are the truth
        }
        return task != null && task.userId().equals(userId) ? task : null;
    }

    /** Evicts resting tasks nobody used for a while, after writing what is pending. */
    void evictIdle(long nowMillis) {
        boolean flushed = false;
        for (Task task : live.values()) {
            if (evictable(task, nowMillis)) {
                if (!flushed) {
                    writer.flush();
                    flushed = true;
                }
                // Checked again inside the map's atomic step: a resume pins the task in one (owned with pin).
                live.computeIfPresent(task.key(),
                        (id, present) -> present == task && evictable(task, nowMillis) ? null : present);
            }
        }
    }

    private boolean evictable(Task task, long nowMillis) {
        // Several instances: a copy of a task run elsewhere (or waiting) is only a cache of the tables.
        boolean resting = !task.status().unfinished() || !placement.runsHere(task);
        return resting && task.readers() == 0 && !task.workerActive() && !task.pinned()
                && nowMillis - task.view().updatedAt().toEpochMilli() > EVICT_AFTER_MILLIS;
    }

    private Task ownedUnder(String key, String userId, boolean pin) {
        return live.compute(key, (k, present) -> {
            Task found = present != null ? present : load(k);
            if (found != null && pin && found.userId().equals(userId)) {
                found.pin();
            }
            return found;
        });
    }

    private Task load(String key) {
        Optional<TaskView> view = store.tasks().find(key);
        if (view.isEmpty()) {
            return null;
        }
        List<TaskEvent> history = store.events().all(key);
        EventLog log = new EventLog(view.get().taskId(), history, !view.get().status().unfinished(),
                writer.sink(key));
        return new Task(view.get(), log, key);
    }
}
