package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HttpTextsTest {
    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = HttpTextsTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyEnglishTextHasAChineseTranslationAndNoStrayKeys() throws Exception {
        Properties en = load("http.properties");
        Properties zh = load("http_zh.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
        }
    }
}
