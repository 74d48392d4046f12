package dev.docannotator.rollout;

/** The health gates a stage must pass before the rollout may expand; judged on the pausable cohort. */
public enum Gate {
    CANCEL_LATENCY_P95("cancel_latency_p95", false, "ms"),
    STREAM_SUCCESS_RATE("stream_success_rate", true, "ratio"),
    SSE_CONNECTION_STABILITY("sse_connection_stability", true, "ratio"),
    MEMORY_RELEASED("memory_released", true, "ratio");

    private final String key;
    private final boolean higherIsBetter;
    private final String unit;

    Gate(String key, boolean higherIsBetter, String unit) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.unit = unit;
    }

    /** The name used in the plan file and in the API. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** "<" or ">": how a passing value relates to the threshold (strictly). */
    public String comparison() {
        return higherIsBetter ? ">" : "<";
    }

    /** Whether {@code value} is on the good side of {@code threshold}; equality fails, as the plan says "above"/"below". */
    public boolean passes(double value, double threshold) {
        return higherIsBetter ? value > threshold : value < threshold;
    }
}
