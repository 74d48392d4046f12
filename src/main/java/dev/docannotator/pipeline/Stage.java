package dev.docannotator.pipeline;

import java.util.Locale;

/** The stages of a task, in order; each working stage owns a band of the 0–100 progress scale. */
public enum Stage {
    QUEUED(0, 0),
    READ(0, 15),
    ANALYSE(15, 55),
    APPLY(55, 100),
    DONE(100, 100);

    private final int bandStart;
    private final int bandEnd;

    Stage(int bandStart, int bandEnd) {
        this.bandStart = bandStart;
        this.bandEnd = bandEnd;
    }

    /** The API name: "queued", "read", "analyse", "apply", "done". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Progress after {@code done} of {@code total} steps of this stage. */
    public int progressAt(long done, long total) {
        if (total <= 0) {
            return bandEnd;
        }
        return bandStart + (int) ((bandEnd - bandStart) * Math.min(done, total) / total);
    }

    public static Stage fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
