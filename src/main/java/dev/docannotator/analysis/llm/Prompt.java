package dev.docannotator.analysis.llm;

import dev.docannotator.common.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Our prompt, checked in under {@code llm/prompt-VERSION.LANG.txt} and versioned: the system message carries the
 * requirement and the languages, the user message one window of the document.
 */
final class Prompt {
    static final String VERSION = "v1";

    /** The two messages of one request. */
    record Chat(String system, String user) {
    }

    private final String template;
    private final boolean chinese;

    Prompt(Locale replyLocale) {
        this.chinese = Messages.supported(replyLocale) == Messages.CHINESE;
        this.template = load("llm/prompt-" + VERSION + (chinese ? ".zh" : ".en") + ".txt");
    }

    Chat forWindow(String requirement, String windowText) {
        String system = template
                .replace("{requirement}", requirement == null || requirement.isBlank() ? "-" : requirement.strip())
                .replace("{document_language}", documentLanguage(windowText))
                .replace("{reply_language}", chinese ? "中文" : "English");
        return new Chat(system, "<document>\n" + windowText + "\n</document>");
    }

    /** Chinese when a fair share of the letters are CJK ideographs; English otherwise. */
    private String documentLanguage(String text) {
        int letters = 0;
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    cjk++;
                }
            }
        }
        boolean isChinese = letters > 0 && cjk * 5 >= letters;
        if (chinese) {
            return isChinese ? "中文" : "英文";
        }
        return isChinese ? "Chinese" : "English";
    }

    private static String load(String resource) {
        try (InputStream in = Prompt.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The prompt " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
