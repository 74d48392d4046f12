package dev.docannotator.tasks;

import java.util.Locale;

/**
 * The streams following tasks: attaching brings this instance's copy up to date; when the last client went away,
 * the task keeps going for the grace period and is then cancelled (resumable) unless a client re-attached meanwhile,
 * on this instance or, with several, on any ({@link DisconnectGrace}).
 */
final class StreamReaders {

    private final LiveTasks live;
    private final Placement placement;
    private final DisconnectGrace grace;

    StreamReaders(LiveTasks live, Placement placement, DisconnectGrace grace) {
        this.live = live;
        this.placement = placement;
        this.grace = grace;
    }

    Task attach(String userId, String taskId, Locale locale) {
        Task task = live.owned(userId, taskId, locale);
        placement.follow(task);
        return task;
    }

    void attached(Task task) {
        task.attachReader();
        grace.opened(task);
    }

    void detached(Task task, boolean clientGone) {
        task.detachReader();
        grace.closed(task, clientGone);
    }
}
