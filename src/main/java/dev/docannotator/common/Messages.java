package dev.docannotator.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Human-readable texts in English or Chinese from a properties bundle under {@code i18n/}
 * (one bundle per feature, e.g. "pipeline"). Codes and field names never go through here.
 */
public final class Messages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(String bundleName, Locale locale) {
        this.locale = supported(locale);
        this.bundle = ResourceBundle.getBundle("i18n." + bundleName, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {0}, {1}… replaced; the key itself when it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Chinese for any zh locale, English for everything else. */
    public static Locale supported(Locale requested) {
        if (requested != null && "zh".equals(requested.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /** Picks the language from an Accept-Language header value (null or malformed = English). */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, List.of(ENGLISH, CHINESE));
            return supported(best);
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }
}
