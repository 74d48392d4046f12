package dev.docannotator.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docannotator.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the rollout plan: from a file when the operator points at one, otherwise from the copy of
 * feature-flags/pausable-streaming.json that ships inside the jar.
 */
public final class RolloutPlanLoader {

    /** The classpath location of the plan shipped in the jar (a copy of feature-flags/pausable-streaming.json). */
    public static final String DEFAULT_RESOURCE = "feature-flags/pausable-streaming.json";

    private final ObjectMapper mapper = Json.mapper();

    /** The plan that ships in the jar. */
    public RolloutPlan fromClasspath() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public RolloutPlan fromClasspath(String resource) {
        try (InputStream in = RolloutPlanLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The rollout plan " + resource + " is not on the classpath.");
            }
            return parse(in.readAllBytes(), "classpath:" + resource);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the rollout plan " + resource + ": " + e.getMessage(), e);
        }
    }

    public RolloutPlan fromFile(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the rollout plan " + file + ": " + e.getMessage(), e);
        }
    }

    private RolloutPlan parse(byte[] json, String source) {
        try {
            return mapper.readValue(json, RolloutPlan.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalStateException("Invalid rollout plan " + source + ": " + cause.getMessage(), e);
        }
    }
}
