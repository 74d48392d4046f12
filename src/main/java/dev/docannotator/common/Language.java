package dev.docannotator.common;

import java.util.Locale;

/**
 * The language a person reads the service in: the request's Accept-Language, the page's switch or the CLI's
 * {@code --lang}. Findings, notes and the texts written into the annotated document follow it.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH), CHINESE("zh", Locale.CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The language tag, "en" or "zh". */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Chinese for any zh locale, English for everything else (null included). */
    public static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** From a language tag such as "zh-CN" or "en"; null, blank or unknown is English. */
    public static Language fromTag(String tag) {
        return tag == null || tag.isBlank() ? ENGLISH : of(Locale.forLanguageTag(tag.trim()));
    }
}
