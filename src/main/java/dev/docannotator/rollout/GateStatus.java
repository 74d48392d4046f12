package dev.docannotator.rollout;

import com.fasterxml.jackson.annotation.JsonValue;

/** A gate's verdict. Inconclusive (too little data) is never a pass: it blocks advance but never rolls back. */
public enum GateStatus {
    PASS, FAIL, INCONCLUSIVE;

    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
