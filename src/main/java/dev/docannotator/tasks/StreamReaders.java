package dev.docannotator.tasks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams following tasks: attaching brings this instance's copy up to date; when the last client went away,
 * the task keeps going for the grace period and is then cancelled (resumable) unless a client re-attached meanwhile.
 */
final class StreamReaders {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReaders.class);

    private final LiveTasks live;
    private final Placement placement;
    private final CancelAndResume cancels;
    private final ScheduledExecutorService timers;
    private final Duration disconnectGrace;

    StreamReaders(LiveTasks live, Placement placement, CancelAndResume cancels, ScheduledExecutorService timers,
                  Duration disconnectGrace) {
        this.live = live;
        this.placement = placement;
        this.cancels = cancels;
        this.timers = timers;
        this.disconnectGrace = disconnectGrace;
    }

    Task attach(String userId, String taskId, Locale locale) {
        Task task = live.owned(userId, taskId, locale);
        placement.follow(task);
        return task;
    }

    void attached(Task task) {
        task.attachReader();
    }

    void detached(Task task, boolean clientGone) {
        int readers = task.detachReader();
        if (clientGone && readers == 0 && task.status().unfinished()) {
            timers.schedule(() -> {
                if (task.readers() == 0 && task.status().unfinished() && placement.runsHere(task)) {
                    LOG.info("No client follows task {} any more; cancelling it (resumable)", task.id());
                    cancels.cancelHere(task, null, System.nanoTime());
                }
            }, disconnectGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
