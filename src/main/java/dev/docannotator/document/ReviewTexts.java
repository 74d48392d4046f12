package dev.docannotator.document;

import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;

/**
 * The texts the service itself writes into an annotated document (the "Suggestion:" line of a Word comment or PDF
 * note, the headings of the HTML review page, category and severity names), in the language the user reads.
 */
public final class ReviewTexts {
    private final Language language;
    private final Messages messages;

    private ReviewTexts(Language language) {
        this.language = language;
        this.messages = new Messages("document", language.locale());
    }

    public static ReviewTexts of(Language language) {
        return new ReviewTexts(language);
    }

    public Language language() {
        return language;
    }

    /** "Suggestion: …" / "建议：…". */
    public String suggestion(String suggestion) {
        return messages.get("suggestion", suggestion);
    }

    /** A text of the HTML review page ({@code html.*} keys). */
    public String page(String key, Object... args) {
        return messages.get("html." + key, args);
    }

    /** A category's name ("Long sentence", 长句); the id itself for a category this bundle does not name. */
    public String category(String id) {
        String key = "category." + id;
        String name = messages.get(key);
        return name.equals(key) ? id : name;
    }

    /** A severity's name ("warning", 警告). */
    public String severity(String id) {
        String key = "severity." + id;
        String name = messages.get(key);
        return name.equals(key) ? id : name;
    }
}
