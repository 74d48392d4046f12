package dev.docannotator.analysis.llm;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One attempt at one window: what the library's callbacks (on the HTTP client's threads) hand to the worker thread
 * that waits for them, and the switch another thread uses to stop it.
 */
final class ModelCall {
    /** What arrives from the model, in order. */
    sealed interface Signal {
    }

    record Delta(String text) implements Signal {
    }

    record Done(long promptTokens, long completionTokens) implements Signal {
    }

    record Failed(Throwable cause) implements Signal {
    }

    record Cancelled() implements Signal {
    }

    final Exchange exchange = new Exchange();
    final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();

    /** Closes the connection and wakes the waiting worker at once. */
    void cancel() {
        signals.offer(new Cancelled()); // first: the worker must not wait for the connection to be torn down
        exchange.cancel();
    }
}
