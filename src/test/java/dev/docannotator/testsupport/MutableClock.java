package dev.docannotator.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves forward by hand (e.g. past the retention period). A test can also hook into the middle
 * of a call: {@link #onFirstReadBy} runs an action the first time a given thread reads the clock.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Thread hookedThread;
    private volatile Runnable hook;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Runs {@code action} once, on {@code thread}, the first time that thread reads this clock. */
    public void onFirstReadBy(Thread thread, Runnable action) {
        hook = action;
        hookedThread = thread;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Runnable action = hook;
        if (action != null && Thread.currentThread() == hookedThread) {
            hook = null;
            action.run();
        }
        return now;
    }
}
