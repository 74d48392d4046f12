package dev.docannotator.tasks;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The disconnect grace of a single instance: every stream of a task is here, so its readers count decides. */
final class LocalDisconnectGrace implements DisconnectGrace {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDisconnectGrace.class);

    private final CancelAndResume cancels;
    private final ScheduledExecutorService timers;
    private final Duration grace;

    LocalDisconnectGrace(CancelAndResume cancels, ScheduledExecutorService timers, Duration grace) {
        this.cancels = cancels;
        this.timers = timers;
        this.grace = grace;
    }

    @Override
    public void opened(Task task) {
        // counted by the task itself (Task#attachReader)
    }

    @Override
    public void closed(Task task, boolean clientGone) {
        if (clientGone && task.readers() == 0 && task.status().unfinished()) {
            timers.schedule(() -> {
                if (task.readers() == 0 && task.status().unfinished()) {
                    LOG.info("No client follows task {} any more; cancelling it (resumable)", task.id());
                    cancels.cancelHere(task, null, System.nanoTime());
                }
            }, grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
