package dev.docannotator.common;

import java.util.Map;

/** Reading settings from environment variables, with one wording for a value that is not a number. */
public final class EnvironmentValues {
    private EnvironmentValues() {
    }

    /** The whole number in {@code env[key]}, or {@code fallback} when unset or blank. */
    public static int intOf(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + value + "\"", e);
        }
    }
}
