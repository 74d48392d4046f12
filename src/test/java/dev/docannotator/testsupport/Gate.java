package dev.docannotator.testsupport;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A turnstile in front of each step of one pipeline stage. Open by default; when closed, every step waits
 * for a permit ({@link #allow(int)}) or for the gate to open. {@link #awaitWaiting()} tells a test that
 * the worker is held at this gate.
 */
public final class Gate {
    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private volatile boolean open = true;
    private volatile long delayMillis;

    /** Called by the test engine before each step of the stage. */
    void pass() {
        if (delayMillis > 0) {
            sleep(delayMillis);
        }
        if (!open) {
            waiting.incrementAndGet();
            try {
                while (!open && !permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    // re-check the open flag every few ms
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
        passed.incrementAndGet();
    }

    /** Steps wait from now on. */
    public Gate close() {
        open = false;
        return this;
    }

    /** Every waiting and future step passes. */
    public Gate open() {
        open = true;
        return this;
    }

    /** Lets {@code steps} more steps pass a closed gate. */
    public void allow(int steps) {
        permits.release(steps);
    }

    /** Each step takes at least this long (a slow stage). */
    public Gate delay(long millis) {
        delayMillis = millis;
        return this;
    }

    /** How many steps passed the gate. */
    public int passed() {
        return passed.get();
    }

    /** Waits (up to 10 s) until a step is held at this closed gate. */
    public void awaitWaiting() throws InterruptedException {
        awaitWaiting(java.time.Duration.ofSeconds(10));
    }

    /** Waits up to {@code limit} (e.g. for a client that is a JVM of its own to start) until a step is held here. */
    public void awaitWaiting(java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (waiting.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No step reached the gate within " + limit.toSeconds() + " s");
            }
            Thread.sleep(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
