package dev.docannotator.rollout;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One line of the append-only rollout history: who did what, from which stage to which, why, and the
 * gate figures at that moment ({@code metrics}, raw JSON, may be null).
 */
public record HistoryEntry(
        Instant at,
        String actor,
        String action,
        int from,
        int to,
        int fromPercentage,
        int toPercentage,
        String reason,
        @JsonRawValue String metrics) {
}
