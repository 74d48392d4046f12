package dev.docannotator.analysis;

import java.util.List;

/**
 * Something a person should know about how their requirement was read (e.g. that tone cannot be judged), as a key
 * of the {@code requirement} message bundle and its arguments, so that it is shown in the request's language.
 */
public record RequirementNote(String key, List<String> args) {
    public RequirementNote {
        args = List.copyOf(args);
    }

    public static RequirementNote of(String key, String... args) {
        return new RequirementNote(key, List.of(args));
    }
}
