package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.workers.WorkerSupervisor.View;
import dev.docannotator.workers.WorkerSupervisor.WorkerView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/API.md and /openapi.json list a validator of {@code GET /api/admin/workers} with the fields the server writes:
 * those of a worker, never a task, and "?" on the fields it leaves out while they have no value.
 */
class WorkersApiDocTest {
    /** A validator checking an upload: every field it can have. */
    private static final WorkerView CHECKING = new WorkerView("v1", 4242L, "busy", null, 17, 1,
            Instant.parse("2026-12-01T23:00:00Z"), 512);
    /** A validator before its first process: the fields that are always there. */
    private static final WorkerView NEVER_STARTED = new WorkerView("v1", null, "stopped", null, 0, 0, null, 512);

    private static Set<String> fields(WorkerView validator) throws IOException {
        JsonNode json = Json.mapper().readTree(Json.write(new View("process", List.of(), List.of(validator))));
        Set<String> names = new TreeSet<>();
        json.path("validators").get(0).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The field list docs/API.md gives for {@code key}'s items, as written ("pid"? included). */
    private static List<String> documented(String key) throws IOException {
        String api = Files.readString(Path.of("docs/API.md"));
        int get = api.indexOf("- `GET /api/admin/workers` →");
        assertThat(get).as("the GET /api/admin/workers entry").isNotNegative();
        Matcher m = Pattern.compile("\"" + key + "\": \\[\\{([^}]*)}]").matcher(api.substring(get));
        assertThat(m.find()).as("docs/API.md lists the fields of %s", key).isTrue();
        List<String> out = new ArrayList<>();
        for (String field : m.group(1).split(",")) {
            out.add(field.strip());
        }
        return out;
    }

    private static Set<String> names(List<String> documented) {
        Set<String> out = new TreeSet<>();
        documented.forEach(f -> out.add(f.replace("?", "").replace("\"", "")));
        return out;
    }

    @Test
    void theApiReferenceListsAValidatorsFieldsAsTheServerWritesThem() throws IOException {
        List<String> doc = documented("validators");
        assertThat(names(doc)).isEqualTo(fields(CHECKING)).doesNotContain("task_id");
        Set<String> optional = new LinkedHashSet<>();
        doc.stream().filter(f -> f.endsWith("?")).forEach(f -> optional.add(f.replace("?", "").replace("\"", "")));
        Set<String> leftOut = new TreeSet<>(fields(CHECKING));
        leftOut.removeAll(fields(NEVER_STARTED));
        assertThat(optional).containsExactlyInAnyOrderElementsOf(leftOut);
        // a task worker is written with the same record, plus the task it runs
        assertThat(names(documented("workers"))).containsAll(names(doc)).contains("task_id");
    }

    @Test
    void theOpenApiDescriptionListsTheSameFieldsForAValidator() throws IOException {
        JsonNode validator;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
            validator = Json.mapper().readTree(in).path("components").path("schemas").path("Workers")
                    .path("properties").path("validators").path("items");
        }
        Set<String> described = new TreeSet<>();
        validator.path("properties").fieldNames().forEachRemaining(described::add);
        Set<String> required = new TreeSet<>();
        validator.path("required").forEach(r -> required.add(r.asText()));

        assertThat(described).isEqualTo(fields(CHECKING));
        assertThat(required).isEqualTo(fields(NEVER_STARTED));
        assertThat(validator.path("properties").path("id").path("example").asText()).isEqualTo("v1");
    }
}
