package dev.docannotator.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The one way tests wait for a condition: polls it (every 5 ms) until it holds or the limit passes, then fails
 * with the description and the last value seen. Never a fixed sleep: a fast machine waits less.
 */
public final class WaitUntil {
    private static final long POLL_NANOS = 5_000_000L;

    private WaitUntil() {
    }

    /** Waits until {@code condition} is true; fails the test with {@code what} after {@code limit}. */
    public static void waitUntil(String what, Duration limit, Callable<Boolean> condition) {
        value(what, limit, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code supplier} gives a value {@code accepted} says yes to, and returns that value. */
    public static <T> T value(String what, Duration limit, Callable<T> supplier, java.util.function.Predicate<T> accepted) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = supplier.call();
                lastError = null;
                if (accepted.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("Not within " + limit.toMillis() + " ms: " + what
                        + (lastError == null ? " (last value: " + last + ")" : " (last error: " + lastError + ")"));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                throw new AssertionError("Interrupted while waiting: " + what);
            }
        }
    }
}
