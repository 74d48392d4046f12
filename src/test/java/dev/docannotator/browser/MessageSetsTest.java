package dev.docannotator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The front end's English and Chinese message sets stay in step, and every key the pages use exists. */
class MessageSetsTest {

    private static final Path WEB = Path.of("web-frontend");
    private static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)':\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$", Pattern.MULTILINE);

    private static String block(String source, String language) {
        int start = source.indexOf("\n  " + language + ": {");
        assertThat(start).as("the %s message set", language).isPositive();
        int end = source.indexOf("\n  },", start);
        return source.substring(start, end);
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new TreeSet<>();
        Matcher m = ENTRY.matcher(block);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        String source = Files.readString(WEB.resolve("i18n.js"));
        Set<String> en = keys(block(source, "en"));
        Set<String> zh = keys(block(source, "zh"));
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(zh).as("keys missing in Chinese or only in Chinese").isEqualTo(en);
    }

    @Test
    void everyKeyThePagesAndScriptsNameExists() throws IOException {
        String source = Files.readString(WEB.resolve("i18n.js"));
        Set<String> en = keys(block(source, "en"));
        Set<String> used = new LinkedHashSet<>();
        Pattern call = Pattern.compile("\\bt\\('([a-z0-9_.\\-]+)'");
        Pattern attribute = Pattern.compile("data-i18n(?:-placeholder|-title|-aria-label)?=\"([^\"]+)\"");
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".js") && !name.endsWith(".html")) {
                    continue;
                }
                String text = Files.readString(file);
                for (Pattern p : new Pattern[] {call, attribute}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(en).containsAll(used);
    }
}
