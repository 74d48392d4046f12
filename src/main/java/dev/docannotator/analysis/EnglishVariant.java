package dev.docannotator.analysis;

import java.util.Locale;

/** Which English the grammar and spelling check expects. */
public enum EnglishVariant {
    AMERICAN("en-US"), BRITISH("en-GB");

    private final String languageCode;

    EnglishVariant(String languageCode) {
        this.languageCode = languageCode;
    }

    /** The LanguageTool language code, e.g. "en-US". */
    public String languageCode() {
        return languageCode;
    }

    /**
     * Reads a setting value: "american", "us", "en-US", "british", "uk", "gb", "en-GB" (any case); null or blank
     * is American. Anything else is refused with a message naming the accepted values.
     */
    public static EnglishVariant fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return AMERICAN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "american", "us", "en-us" -> AMERICAN;
            case "british", "uk", "gb", "en-gb" -> BRITISH;
            default -> throw new IllegalArgumentException("Unknown English variant \"" + value
                    + "\"; use american (en-US) or british (en-GB).");
        };
    }
}
