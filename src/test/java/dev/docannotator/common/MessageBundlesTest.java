package dev.docannotator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the English and Chinese texts in step: every bundle under i18n/ (http, pipeline, rollout, document,
 * requirement, and any added later) has a Chinese twin with exactly the same keys, the same placeholders in each
 * text, and no untranslated copy of an English sentence. (Replaces the earlier http-only check.)
 */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyEnglishBundleHasAChineseTwinWithTheSameKeysAndPlaceholders() throws Exception {
        List<Path> english = englishBundles();
        assertThat(english).extracting(p -> p.getFileName().toString())
                .contains("http.properties", "pipeline.properties", "rollout.properties", "document.properties");
        for (Path en : english) {
            String name = en.getFileName().toString();
            Path zhFile = en.resolveSibling(name.replace(".properties", "_zh.properties"));
            assertThat(zhFile).as("Chinese twin of " + name).exists();
            Properties enTexts = load(en);
            Properties zhTexts = load(zhFile);
            assertThat(zhTexts.stringPropertyNames()).as("keys of " + zhFile.getFileName())
                    .containsExactlyInAnyOrderElementsOf(enTexts.stringPropertyNames());
            for (String key : enTexts.stringPropertyNames()) {
                String enText = enTexts.getProperty(key);
                String zhText = zhTexts.getProperty(key);
                assertThat(zhText).as(name + " " + key).isNotBlank();
                assertThat(placeholders(zhText)).as(name + " " + key + " placeholders").isEqualTo(placeholders(enText));
                if (enText.matches(".*[a-z]{3,} [a-z]{3,} [a-z]{3,}.*")) {
                    assertThat(zhText).as(name + " " + key + " is translated").isNotEqualTo(enText);
                }
            }
        }
    }

    @Test
    void aMissingKeyIsVisibleAsTheKeyAndAChineseRequestGetsChinese() {
        assertThat(new Messages("document", Messages.CHINESE).get("empty")).isEqualTo("文件是空的。");
        assertThat(new Messages("document", Messages.ENGLISH).get("empty")).isEqualTo("The file is empty.");
        assertThat(new Messages("document", Messages.ENGLISH).get("no.such.key")).isEqualTo("no.such.key");
    }

    private static List<Path> englishBundles() throws IOException, URISyntaxException {
        Path dir = Path.of(MessageBundlesTest.class.getClassLoader().getResource("i18n/http.properties").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file); Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
