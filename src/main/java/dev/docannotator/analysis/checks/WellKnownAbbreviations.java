package dev.docannotator.analysis.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Abbreviations an editor would not ask a document to spell out (CPU, PDF, CRC, RCS), read from
 * {@code checks/well_known_abbreviations.tsv}, which names where the entries and their expansions come from.
 */
final class WellKnownAbbreviations {
    static final String LIST = "checks/well_known_abbreviations.tsv";
    private static final Set<String> ALL = load();

    private WellKnownAbbreviations() {
    }

    static Set<String> all() {
        return ALL;
    }

    private static Set<String> load() {
        try (InputStream in = WellKnownAbbreviations.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            Set<String> out = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2 || cols[1].isBlank() || !cols[0].matches("[A-Z]{2,6}")) {
                    throw new IllegalStateException(LIST + ": an entry is an abbreviation in capitals and its"
                            + " expansion, separated by a tab: " + line);
                }
                out.add(cols[0]);
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LIST, e);
        }
    }
}
