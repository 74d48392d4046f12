package dev.docannotator.rollout;

import java.time.Duration;

/**
 * Observations the rollout gates judge, recorded by the server for each cohort
 * ({@code pausable} = whether the task's user had PAUSABLE_STREAMING on).
 */
public interface CohortMetrics {

    /** Time from a cancel request to the stream being told {@code cancelled}. */
    void cancelLatency(boolean pausable, Duration requestToStreamTold);

    /** A task's stream reached its end: success = result, or cancelled at the user's request; not error/internal failure. */
    void streamFinished(boolean pausable, boolean success);

    /** An SSE connection closed: stable = closed by a terminal event or by the client, not by a write failure or timeout. */
    void connectionClosed(boolean pausable, boolean stable);

    /** Share (0..1) of the heap a cancelled task held that was released once its worker stopped. */
    void heapReleasedAfterCancel(boolean pausable, double ratio);

    /** Records nothing. */
    CohortMetrics NONE = new CohortMetrics() {
        @Override public void cancelLatency(boolean pausable, Duration requestToStreamTold) { }
        @Override public void streamFinished(boolean pausable, boolean success) { }
        @Override public void connectionClosed(boolean pausable, boolean stable) { }
        @Override public void heapReleasedAfterCancel(boolean pausable, double ratio) { }
    };
}
