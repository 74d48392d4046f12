package dev.docannotator.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check that runs, with the parameters it runs with (snake_case keys), as the API reports it:
 * {@code {"id": "long_sentence", "params": {"max_words": 25, "max_chars": 80}}}.
 */
public record CheckRun(String id, Map<String, Object> params) {
    public CheckRun {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
