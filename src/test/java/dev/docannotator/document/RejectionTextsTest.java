package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the engine writes is a key of the "rejection" bundle, so the server can say it in the request's
 * language: no English literal in a DocumentRejectedException below src/main, and no key missing from the bundle.
 */
class RejectionTextsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/docannotator");
    private static final Pattern LITERAL = Pattern.compile(
            "(DocumentRejectedException\\.unprocessable|new DocumentRejectedException)\\(\\s*([\\w.]*Reason\\.\\w+,\\s*)?\"");
    private static final Pattern KEY = Pattern.compile("RejectionText\\.of\\(\\s*\"([\\w.]+)\"");

    @Test
    void everyRefusalIsABundleKeyThatExists() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/rejection.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> literals = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.toString().contains("/cli/")) {
                    continue; // the CLI wraps a server's answer, already in the user's language
                }
                String source = Files.readString(file);
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    literals.add(file.getFileName() + ": " + source.substring(literal.start(), Math.min(source.length(), literal.end() + 40)));
                }
                Matcher key = KEY.matcher(source);
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        assertThat(literals).as("refusals written as English literals").isEmpty();
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(bundle).containsKey(k));
    }
}
