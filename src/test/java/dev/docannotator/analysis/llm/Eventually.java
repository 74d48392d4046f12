package dev.docannotator.analysis.llm;

import java.util.function.BooleanSupplier;

/** Waits for a condition (checked every few ms, 5 s at most) instead of sleeping a guessed time. */
final class Eventually {
    private Eventually() {
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
