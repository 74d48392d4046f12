package dev.docannotator.document;

import dev.docannotator.common.Messages;
import java.util.Locale;

/**
 * Why a document was refused, as a key of the {@code rejection} message bundle and its arguments, so that each
 * caller can say it in its user's language (the HTTP request's, the CLI's).
 */
public record RejectionText(String key, Object... args) {

    public static RejectionText of(String key, Object... args) {
        return new RejectionText(key, args);
    }

    /** The sentence in {@code locale}'s language (English or Chinese). */
    public String in(Locale locale) {
        return new Messages("rejection", locale).get(key, args);
    }
}
