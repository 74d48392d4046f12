package dev.docannotator.tasks;

import dev.docannotator.storage.Store;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single instance: every task runs here, in this instance's {@link Scheduler}; nothing is shared. */
final class LocalPlacement implements Placement {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlacement.class);

    private final TaskService.Options options;
    private Parts parts;
    private Scheduler scheduler;

    LocalPlacement(TaskService.Options options) {
        this.options = options;
    }

    @Override
    public Store store(Store store) {
        return store;
    }

    @Override
    public void start(Parts parts) {
        this.parts = parts;
        this.scheduler = new Scheduler(options.workers(), options.queueCapacity(), options.perUserLimit(),
                parts.worker()::run, parts.admission()::reportPosition);
        // Nobody else can continue what was running when this instance stopped. The same text a graceful stop
        // sends, so that a crash-recovered log ends like a gracefully stopped one.
        int interrupted = parts.store().tasks().markUnfinishedInterrupted(parts.clock().instant(),
                (key, localeTag) -> StreamEvent.dataLine(TaskKeys.publicId(key),
                        new StreamEvent.Shutdown(Texts.of(Locale.forLanguageTag(localeTag), "shutdown.message"))));
        if (interrupted > 0) {
            LOG.info("{} task(s) that were running when the server stopped are now interrupted and resumable", interrupted);
        }
    }

    @Override
    public void admit(Task task, Scheduler.Announcer announcer) {
        scheduler.admit(task, announcer);
    }

    @Override
    public boolean runsHere(Task task) {
        return true;
    }

    @Override
    public boolean takeOutOfLine(Task task) {
        return scheduler.removeWaiting(task);
    }

    @Override
    public void cancel(Task task, Locale locale, long requestedNanos) {
        parts.cancels().cancelHere(task, locale, requestedNanos);
    }

    @Override
    public void awaitNoRun(Task task, Locale locale) {
        // the task's own worker is awaited by the resume itself
    }

    @Override
    public DisconnectGrace disconnectGrace(ScheduledExecutorService timers) {
        return new LocalDisconnectGrace(parts.cancels(), timers, options.disconnectGrace());
    }

    @Override
    public void follow(Task task) {
        // this instance writes every task's log: its copy is the truth
    }

    @Override
    public boolean newRowWithFirstEvent() {
        return true;
    }

    @Override
    public boolean accepting() {
        return scheduler.accepting();
    }

    @Override
    public int queueDepth() {
        return scheduler.queueDepth();
    }

    @Override
    public int runningCount() {
        return scheduler.runningCount();
    }

    @Override
    public void stopAdmitting() {
        scheduler.stopAdmitting();
    }

    @Override
    public void awaitRuns(long millis) {
        try {
            if (!scheduler.awaitWorkers(millis)) {
                LOG.warn("Some task workers did not stop within the grace period");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
