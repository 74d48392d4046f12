package dev.docannotator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle under {@code i18n/} has the same keys in English and Chinese, each pattern is a valid
 * {@link MessageFormat}, and both languages use the same placeholders: a text added in one language only would
 * silently show its key (or English) to the other language's readers.
 */
class BundlesInStepTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    static Stream<String> bundles() throws IOException, URISyntaxException {
        Path dir = Path.of(BundlesInStepTest.class.getResource("/i18n/pipeline.properties").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_")).map(n -> n.replace(".properties", ""))
                    .sorted().toList();
            assertThat(names).contains("checks", "cli", "document", "http", "pipeline", "rejection", "requirement", "rollout");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void englishAndChineseHaveTheSameKeysAndPlaceholders(String bundle) throws IOException {
        Properties en = load("/i18n/" + bundle + ".properties");
        Properties zh = load("/i18n/" + bundle + "_zh.properties");

        assertThat(zh.stringPropertyNames()).as("keys of %s_zh", bundle).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            new MessageFormat(en.getProperty(key));
            new MessageFormat(zh.getProperty(key));
            assertThat(placeholders(zh.getProperty(key))).as("%s.%s placeholders", bundle, key)
                    .isEqualTo(placeholders(en.getProperty(key)));
            assertThat(zh.getProperty(key)).as("%s.%s is translated", bundle, key)
                    .satisfiesAnyOf(v -> assertThat(v).isNotEqualTo(en.getProperty(key)),
                            v -> assertThat(v).matches("[^A-Za-z]*(\\{0\\}|info|warning|error)?[^A-Za-z]*"));
        }
    }

    private static java.util.Set<String> placeholders(String pattern) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesInStepTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
