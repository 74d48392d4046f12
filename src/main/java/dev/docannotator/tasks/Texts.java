package dev.docannotator.tasks;

import dev.docannotator.common.Messages;
import java.util.Locale;

/** The server's texts (the "http" bundle) that the tasks service answers with, in the caller's language. */
final class Texts {
    private Texts() {
    }

    static String of(Locale locale, String key, Object... args) {
        return new Messages("http", locale).get(key, args);
    }
}
