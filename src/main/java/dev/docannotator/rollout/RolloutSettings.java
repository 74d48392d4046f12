package dev.docannotator.rollout;

import java.nio.file.Path;
import java.util.Map;

/**
 * The rollout's settings. All optional: {@code adminToken} (ANNOTATOR_ADMIN_TOKEN; else generated into the data
 * directory), {@code salt} (ANNOTATOR_ROLLOUT_SALT; else the plan's), {@code initialStage}
 * (ANNOTATOR_ROLLOUT_INITIAL_STAGE, used only by a new installation; else the plan's, 0),
 * {@code planFile} (ANNOTATOR_ROLLOUT_PLAN; else the plan inside the jar).
 */
public record RolloutSettings(Path dataDir, String adminToken, String salt, Integer initialStage, Path planFile) {

    public static RolloutSettings defaults(Path dataDir) {
        return new RolloutSettings(dataDir, null, null, null, null);
    }

    /** Reads the settings from environment-style variables; a malformed value is reported by name. */
    public static RolloutSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        String stage = blankToNull(env.get("ANNOTATOR_ROLLOUT_INITIAL_STAGE"));
        Integer initialStage = null;
        if (stage != null) {
            try {
                initialStage = Integer.parseInt(stage.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ANNOTATOR_ROLLOUT_INITIAL_STAGE must be a stage number 0–7, not '" + stage + "'.");
            }
        }
        String plan = blankToNull(env.get("ANNOTATOR_ROLLOUT_PLAN"));
        return new RolloutSettings(dataDir, blankToNull(env.get("ANNOTATOR_ADMIN_TOKEN")),
                blankToNull(env.get("ANNOTATOR_ROLLOUT_SALT")), initialStage, plan == null ? null : Path.of(plan));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
